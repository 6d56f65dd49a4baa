"""The Analytics tab: dashboard, live monitoring, forecast, cost-benefit and reports."""
