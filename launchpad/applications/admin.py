"""Applications are private to their owners: nothing of them is registered in the admin
(like resumes). Candidates export them as CSV from the tracker."""
