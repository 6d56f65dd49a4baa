"""The Workflow tab: projects and templates, style presets, brand rules and checks,
consistency, variants and lineage, suggestions and the decision history."""
