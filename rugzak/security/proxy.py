"""Behind a reverse proxy that terminates HTTPS, trust its X-Forwarded-* headers (and only
then): request.is_secure and remote_addr decide HSTS, Secure cookies and throttling."""
from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


def trust_proxy(app: Flask) -> None:
    hops = int(app.config["PROXY_HOPS"] or 0)
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
