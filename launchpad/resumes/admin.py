"""Resumes are private to their owners: nothing of them is registered in the admin."""
