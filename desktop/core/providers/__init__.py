"""Image providers: one small adapter per service behind `base.Provider`."""
