"""Analytics: metric definitions (one registry), SQL aggregations over the store,
dashboard data, forecasts, cost-benefit and live monitoring. Qt-free; the Analytics tab
and the reports call `AnalyticsService`."""
