"""The desktop window (PySide6): one client of the core's services, never their owner."""
