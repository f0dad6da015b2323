"""The web UI and HTTP API: `create_app(options)` (habar.web.app), served by `habar serve`."""
