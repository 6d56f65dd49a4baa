"""The Queue tab: prompt intake, the job table, batches and the actions on jobs."""
