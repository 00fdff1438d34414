"""Is the service up: /healthz for load balancers and monitoring."""
