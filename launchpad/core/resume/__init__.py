"""Resumes: JSON Resume validation, parsing of PDF and DOCX files, the ATS check, the job
match and exports. Pure Python (no Django); the resume studio app builds on it."""
