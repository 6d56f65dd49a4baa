"""The Settings dialog: library, providers (keys, URLs, limits, options), language, theme."""
