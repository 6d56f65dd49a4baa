"""Workflow: projects and templates, style presets, consistency, variants and lineage,
creative suggestions, brand checks and decision history. Qt-free; the Workflow tab calls
`service.WorkflowService`."""
