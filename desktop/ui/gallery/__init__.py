"""The Gallery tab: a paged thumbnail grid over the library, filters and saved searches,
a detail panel, collections, trash, import and export."""
