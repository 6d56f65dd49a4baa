"""Profiles in the window: the switcher in the status bar, the profile editor, the password
prompt and the lock screen that covers the window when a profile locks."""
