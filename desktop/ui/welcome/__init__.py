"""The first-run welcome: local image servers found automatically, an optional key for a
cloud provider, and the library folder; "Skip" goes straight to a working window."""
