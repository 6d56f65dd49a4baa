"""The persistent job queue: rows in the store, one lane per provider, crash recovery."""
