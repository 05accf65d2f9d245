"""Start the app on loopback with uvicorn, say where, and open the browser."""

from __future__ import annotations

import ipaddress
import socket
import threading
import webbrowser
from pathlib import Path

from poassembler.errors import BadInput
from poassembler.library.load import Library


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_port_free(host: str, port: int) -> None:
    """Refuse at once (exit 2) when the port is taken, instead of a traceback from the server."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise BadInput(f"--port {port}: cannot listen on {host}:{port} ({exc.strerror}).",
                           hint="Another program (or another poassembler serve) uses it: choose another with --port.") from None


def url_of(host: str, port: int, path: str = "/") -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{path}"


def serve(workspace: Path, library: Library, plan, host: str, port: int, start_path: str, open_browser: bool, say) -> None:
    """Run until Ctrl-C. `say` prints one line for the user (the CLI's echo)."""
    import uvicorn

    from poassembler.web.app import WebConfig, create_app

    check_port_free(host, port)
    from poassembler.interview.me import load_me

    app = create_app(WebConfig(workspace, library, host, port, plan=plan, me=load_me()))
    url = url_of(host, port, start_path)
    say(f"poassembler is serving the interview at {url}")
    say(f"Answers files are saved in {workspace}. Press Ctrl-C to stop (nothing is lost).")
    if open_browser:
        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, date_header=False)
