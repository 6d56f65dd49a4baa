"""The Qt-free core: domain, store, providers, queue, library, sync, workflows, analytics."""
