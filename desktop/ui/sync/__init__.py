"""The sync UI: the Sync page of Settings, the status-bar indicator and the gallery badges."""
