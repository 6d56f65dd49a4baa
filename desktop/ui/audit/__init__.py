"""The audit log viewer: filter by profile, action and date, export, verify the chain."""
