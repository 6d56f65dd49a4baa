"""Local profiles: who is working at this workstation, their preferences, an optional
password (Argon2id hash only) and the keys a password protects."""
