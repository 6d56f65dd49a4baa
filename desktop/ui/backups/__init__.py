"""The Backups dialog: the library's database backups, a backup now, the daily schedule's
setting, and a restore that can be undone."""
