"""BPO Launchpad: a career platform for BPO and KPO job seekers, trainers and admins."""
