"""Batch Image Generator: a local-first desktop app for batch image generation."""

from __future__ import annotations

__version__ = "0.1.0"
