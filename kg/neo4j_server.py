"""A real, throw-away Neo4j 5.26 Community server for tests and local scripts (no Docker).

The server is a tiny Java program (``tools/neo4j-test-server``) around ``org.neo4j.test:neo4j-harness``,
built with Maven; the jars come from Maven Central and are cached in ``~/.m2``. Requirements: a Java 17+
JDK and Maven 3.6+ on PATH, and the ``neo4j`` Python driver.

Python API::

    from kg.neo4j_server import start
    with start(Path("/tmp/neo")) as server:           # builds once if needed, then starts (~10 s)
        with server.driver() as driver:
            driver.execute_query("RETURN 1")
    # or: server = start(dir); ...; server.stop()

Command line::

    python -m kg.neo4j_server build                  # fetch jars + compile (once; later runs are no-ops)
    python -m kg.neo4j_server start --dir DIR        # foreground; prints the bolt URI, writes DIR/env
    source DIR/env                                   # NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD

Bolt listens on 127.0.0.1 on a port chosen by the OS; authentication is on (user ``neo4j``, a random
password unless one is given); HTTP is off. The Java process exits when its standard input closes, so it
never outlives the Python process that started it. The password is never printed or logged; only the
CLI's ``DIR/env`` file (mode 0600) contains it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import secrets
import select
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

__all__ = [
    "NEO4J_VERSION_PREFIX",
    "TOOL_DIR",
    "DEFAULT_JVM_FLAGS",
    "Neo4jServerError",
    "Neo4jTestServer",
    "RunningServer",
    "build",
    "start",
    "reset_database",
    "main",
]

NEO4J_VERSION_PREFIX = "5.26"
DEFAULT_USER = "neo4j"
MIN_PASSWORD_LENGTH = 8  # Neo4j's default dbms.security.auth_minimum_password_length

#: The Maven project of the Java launcher. Override with the environment variable KG_NEO4J_TOOL_DIR.
TOOL_DIR = Path(
    os.environ.get("KG_NEO4J_TOOL_DIR")
    or Path(__file__).resolve().parent.parent / "tools" / "neo4j-test-server"
)
MAIN_CLASS = "Neo4jTestServer"

#: JVM flags from Neo4j 5.26's neo4j.conf (server.jvm.additional), minus -XX:+AlwaysPreTouch (slow start).
#: The heap (-Xmx) is added separately: see ``heap`` / KG_NEO4J_HEAP.
DEFAULT_JVM_FLAGS: tuple[str, ...] = (
    "-XX:+UseG1GC",
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--enable-native-access=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
)
DEFAULT_HEAP = "1g"
DEFAULT_PAGECACHE_MB = 256

_INSTALL_JAVA = "install a Java 17+ JDK (Debian/Ubuntu: apt-get install -y openjdk-17-jdk-headless)"
_INSTALL_MAVEN = "install Maven 3.6+ (Debian/Ubuntu: apt-get install -y maven)"


class Neo4jServerError(RuntimeError):
    """Building, starting or reaching the test server failed; the message says why (with a log tail)."""


# --------------------------------------------------------------------------------------------- build


def _target() -> Path:
    return TOOL_DIR / "target"


def _java_executable() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        candidate = Path(java_home) / "bin" / "java"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which("java")
    if not found:
        raise Neo4jServerError(f"`java` not found on PATH (nor in $JAVA_HOME/bin): {_INSTALL_JAVA}")
    return found


def _check_java(java: str) -> None:
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Neo4jServerError(f"cannot run `{java} -version` ({exc}): {_INSTALL_JAVA}") from exc
    text = out.stderr + out.stdout
    m = re.search(r'version "(\d+)(?:\.(\d+))?', text)
    if not m:
        raise Neo4jServerError(f"cannot tell the Java version from `{java} -version`: {text.strip()[:300]}")
    major = int(m.group(1))
    if major == 1 and m.group(2):  # "1.8.0_x"
        major = int(m.group(2))
    if major < 17:
        raise Neo4jServerError(f"Neo4j 5.26 needs Java 17+, but {java} is Java {major}: {_INSTALL_JAVA}")


def _sources() -> list[Path]:
    return [TOOL_DIR / "pom.xml", *sorted((TOOL_DIR / "src").rglob("*.java"))]


def _read_classpath() -> list[str]:
    text = (_target() / "classpath.txt").read_text(encoding="utf-8").strip()
    return [entry for entry in text.split(os.pathsep) if entry]


def _is_up_to_date() -> bool:
    target = _target()
    stamp = target / "kg-build.stamp"
    needed = [stamp, target / "classpath.txt", target / "classes" / f"{MAIN_CLASS}.class"]
    if not all(p.is_file() for p in needed):
        return False
    # Only the stamp's time counts: Maven leaves an unchanged classpath.txt or class file untouched.
    if stamp.stat().st_mtime < max(p.stat().st_mtime for p in _sources()):
        return False
    jars = _read_classpath()
    return bool(jars) and all(os.path.exists(j) for j in jars)  # ~/.m2 may have been wiped


def _classpath_string() -> str:
    return os.pathsep.join([str(_target() / "classes"), *_read_classpath()])


@contextlib.contextmanager
def _build_lock():
    """Serialise concurrent builds (e.g. pytest-xdist workers) on one file lock."""
    _target().mkdir(parents=True, exist_ok=True)
    with open(_target() / ".build.lock", "w") as fh:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            yield
            return
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def build(quiet: bool = True) -> str:
    """Build the Java launcher with Maven if needed; return the Java classpath string.

    Skips Maven when ``target/kg-build.stamp``, ``target/classpath.txt`` and the compiled class are newer
    than the pom and the Java sources and every listed jar is still in the Maven cache. The first build
    downloads ~185 MB of jars into ``~/.m2``; later builds need no network. With ``quiet=False`` Maven's
    output goes to stderr; otherwise it is shown only when the build fails.
    """
    if not (TOOL_DIR / "pom.xml").is_file():
        raise Neo4jServerError(f"{TOOL_DIR / 'pom.xml'} not found (set KG_NEO4J_TOOL_DIR to the tool folder)")
    _check_java(_java_executable())
    if _is_up_to_date():
        return _classpath_string()
    mvn = shutil.which("mvn")
    if not mvn:
        raise Neo4jServerError(f"`mvn` not found on PATH: {_INSTALL_MAVEN}")
    with _build_lock():
        if _is_up_to_date():  # another process built it while we waited
            return _classpath_string()
        cmd = [mvn, "-B", "-f", str(TOOL_DIR / "pom.xml"), "package"]
        if quiet:
            cmd.insert(2, "-q")
        env = dict(os.environ)
        java_home = env.get("JAVA_HOME")
        if not java_home or not (Path(java_home) / "bin" / "java").exists():
            env.pop("JAVA_HOME", None)  # let mvn find java on PATH
        if quiet:
            proc = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
            output = proc.stdout + proc.stderr
        else:
            proc = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, stdout=sys.stderr, stderr=sys.stderr)
            output = "(see Maven's output above)"
        if proc.returncode != 0:
            tail = "\n".join(output.strip().splitlines()[-60:])
            raise Neo4jServerError(
                f"Maven build of {TOOL_DIR} failed (exit {proc.returncode}); command: {shlex.join(cmd)}\n{tail}"
            )
        (_target() / "kg-build.stamp").write_text(f"{time.time()}\n")
        if not _is_up_to_date():
            raise Neo4jServerError(f"Maven succeeded but {_target()} lacks classpath.txt or the compiled class")
    return _classpath_string()


# --------------------------------------------------------------------------------------------- server


def _tail(path: Path, lines: int) -> str:
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - 64 * 1024))
            data = fh.read().decode("utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(data.splitlines()[-lines:])


def _import_driver():
    try:
        import neo4j  # noqa: F401
        from neo4j import GraphDatabase  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise Neo4jServerError("the `neo4j` Python driver is missing: pip install neo4j") from exc
    import neo4j

    return neo4j


class RunningServer:
    """A started server. Use as a context manager or call :meth:`stop` (idempotent)."""

    def __init__(
        self,
        process: subprocess.Popen,
        *,
        host: str,
        port: int,
        user: str,
        password: str,
        workdir: Path,
        log_path: Path,
        log_file: IO[bytes],
        lock_file: IO[str] | None,
    ) -> None:
        self.process = process
        self.host = host
        self.port = port
        self.uri = f"bolt://{host}:{port}"
        self.user = user
        self.password = password
        self.workdir = workdir
        self.log_path = log_path
        self._log_file = log_file
        self._lock_file = lock_file
        self._stopped = False
        self._stop_lock = threading.Lock()

    # -- info
    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def auth(self) -> tuple[str, str]:
        return (self.user, self.password)

    def is_running(self) -> bool:
        return self.process.poll() is None

    def env(self) -> dict[str, str]:
        """NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD for a child process (contains the password)."""
        return {"NEO4J_URI": self.uri, "NEO4J_USER": self.user, "NEO4J_PASSWORD": self.password}

    def driver(self, **kwargs: Any):
        """A new ``neo4j.Driver`` for this server (the caller closes it)."""
        neo4j = _import_driver()
        return neo4j.GraphDatabase.driver(self.uri, auth=self.auth, **kwargs)

    def log_tail(self, lines: int = 60) -> str:
        return _tail(self.log_path, lines)

    def __repr__(self) -> str:  # never shows the password
        state = "running" if self.is_running() else f"exited({self.process.returncode})"
        return f"<RunningServer {self.uri} user={self.user!r} pid={self.pid} {state} workdir={self.workdir}>"

    # -- lifecycle
    def stop(self, timeout: float = 60.0) -> int | None:
        """Stop the server: close its stdin (clean shutdown), wait, then SIGTERM, then SIGKILL."""
        with self._stop_lock:
            if self._stopped:
                return self.process.returncode
            self._stopped = True
            proc = self.process
            try:
                if proc.stdin and not proc.stdin.closed:
                    with contextlib.suppress(OSError):
                        proc.stdin.close()
                try:
                    proc.wait(timeout=timeout)
                except subprocess.TimeoutExpired:
                    proc.terminate()
                    try:
                        proc.wait(timeout=15)
                    except subprocess.TimeoutExpired:
                        proc.kill()
                        proc.wait()
            finally:
                with contextlib.suppress(OSError):
                    self._log_file.close()
                if self._lock_file is not None:
                    with contextlib.suppress(OSError):
                        self._lock_file.close()  # releases the flock
            return proc.returncode

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class Neo4jTestServer:
    """Configuration for one server; :meth:`start` launches it. Also a context manager.

    ``workdir`` receives ``server.log`` (the Java process's output), ``bolt.port`` (readiness signal) and
    ``home/`` (the harness's store and Neo4j's own logs, deleted on a clean stop).
    """

    def __init__(
        self,
        workdir: Path | str,
        password: str | None = None,
        timeout: float = 240,
        *,
        heap: str | None = None,
        pagecache_mb: int = DEFAULT_PAGECACHE_MB,
        jvm_flags: tuple[str, ...] | list[str] = DEFAULT_JVM_FLAGS,
        quiet_build: bool = True,
    ) -> None:
        self.workdir = Path(workdir).resolve()
        if password is None:
            password = "kg-test-" + secrets.token_hex(12)
        if len(password) < MIN_PASSWORD_LENGTH:
            raise ValueError(f"Neo4j passwords need at least {MIN_PASSWORD_LENGTH} characters")
        self.password = password
        self.timeout = float(timeout)
        self.heap = heap or os.environ.get("KG_NEO4J_HEAP") or DEFAULT_HEAP
        self.pagecache_mb = int(pagecache_mb)
        self.jvm_flags = tuple(jvm_flags)
        self.quiet_build = quiet_build
        self._running: RunningServer | None = None

    def command(self, classpath: str, java: str = "java") -> list[str]:
        """The java command line (contains no secret: the password goes through the environment)."""
        return [
            java,
            "-Xms256m",
            f"-Xmx{self.heap}",
            *self.jvm_flags,
            "-cp",
            classpath,
            MAIN_CLASS,
            "--home",
            str(self.workdir / "home"),
            "--port-file",
            str(self.workdir / "bolt.port"),
            "--port",
            "0",
            "--host",
            "127.0.0.1",
            "--pagecache-mb",
            str(self.pagecache_mb),
            "--exit-on-stdin-eof",
        ]

    def start(self) -> RunningServer:
        classpath = build(quiet=self.quiet_build)
        java = _java_executable()
        t0 = time.monotonic()  # the start-up timeout excludes a (possibly cold) Maven build
        self.workdir.mkdir(parents=True, exist_ok=True)
        lock_file = self._lock_workdir()
        port_file = self.workdir / "bolt.port"
        port_file.unlink(missing_ok=True)
        log_path = self.workdir / "server.log"
        log_file = open(log_path, "wb")
        env = {**os.environ, "NEO4J_TEST_PASSWORD": self.password}
        try:
            process = subprocess.Popen(
                self.command(classpath, java),
                stdin=subprocess.PIPE,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=self.workdir,
                start_new_session=True,  # our stdin pipe, not terminal signals, controls its life
            )
        except OSError as exc:
            log_file.close()
            lock_file.close()
            raise Neo4jServerError(f"cannot launch java: {exc}") from exc
        server = RunningServer(
            process,
            host="127.0.0.1",
            port=0,
            user=DEFAULT_USER,
            password=self.password,
            workdir=self.workdir,
            log_path=log_path,
            log_file=log_file,
            lock_file=lock_file,
        )
        deadline = t0 + self.timeout
        try:
            port = self._wait_for_port(server, port_file, deadline)
            server.port = port
            server.uri = f"bolt://127.0.0.1:{port}"
            self._verify(server, deadline)
        except BaseException as exc:
            server.stop(timeout=20)
            if isinstance(exc, Neo4jServerError):
                raise Neo4jServerError(f"{exc}\n{self._failure_details(server)}") from None
            if isinstance(exc, Exception):
                raise Neo4jServerError(
                    f"Neo4j test server failed to start: {type(exc).__name__}: {exc}\n"
                    f"{self._failure_details(server)}"
                ) from exc
            raise  # KeyboardInterrupt etc.
        self._running = server
        return server

    # -- helpers
    def _lock_workdir(self) -> IO[str]:
        fh = open(self.workdir / ".server.lock", "w")
        try:
            import fcntl

            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # pragma: no cover - not POSIX
            pass
        except OSError:
            fh.close()
            raise Neo4jServerError(f"another Neo4j test server is using {self.workdir}") from None
        return fh

    def _wait_for_port(self, server: RunningServer, port_file: Path, deadline: float) -> int:
        while True:
            if port_file.is_file():
                text = port_file.read_text().strip()
                if text.isdigit():
                    return int(text)
            code = server.process.poll()
            if code is not None:
                raise Neo4jServerError(f"the Neo4j test server exited with code {code} during start-up")
            if time.monotonic() > deadline:
                raise Neo4jServerError(
                    f"the Neo4j test server wrote no Bolt port within {self.timeout:.0f} s "
                    f"(slow machine? raise `timeout`)"
                )
            time.sleep(0.1)

    def _verify(self, server: RunningServer, deadline: float) -> None:
        neo4j = _import_driver()
        from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

        delay = 0.2
        while True:
            try:
                with neo4j.GraphDatabase.driver(server.uri, auth=server.auth, connection_timeout=5) as drv:
                    drv.verify_connectivity()
                return
            except AuthError as exc:  # never retry: 3 failures lock the user for 5 s
                raise Neo4jServerError(
                    f"the Neo4j test server rejected the configured password ({exc.code})"
                ) from None
            except (ServiceUnavailable, SessionExpired, OSError) as exc:
                if server.process.poll() is not None:
                    raise Neo4jServerError(
                        f"the Neo4j test server exited with code {server.process.returncode} after "
                        f"writing its port"
                    ) from None
                if time.monotonic() > deadline:
                    raise Neo4jServerError(
                        f"cannot connect to {server.uri} within {self.timeout:.0f} s: {exc}"
                    ) from None
            time.sleep(delay)
            delay = min(delay * 2, 2.0)

    def _failure_details(self, server: RunningServer) -> str:
        parts = [f"--- last lines of {server.log_path} ---", server.log_tail(60) or "(empty)"]
        for neo4j_log in sorted((self.workdir / "home").glob("*/neo4j.log")):
            parts += [f"--- last lines of {neo4j_log} ---", _tail(neo4j_log, 30)]
        return "\n".join(parts)

    def stop(self) -> None:
        if self._running is not None:
            self._running.stop()

    def __enter__(self) -> RunningServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(
    workdir: Path | str,
    password: str | None = None,
    timeout: float = 240,
    **kwargs: Any,
) -> RunningServer:
    """Build if needed, start a server in ``workdir`` and return it once a driver can log in.

    The result is also a context manager (``with start(d) as server: ...``). ``password`` defaults to a
    random one (at least 8 characters). Extra keyword arguments go to :class:`Neo4jTestServer`
    (``heap="1g"``, ``pagecache_mb=256``, ``jvm_flags=...``, ``quiet_build=True``). On failure raises
    :class:`Neo4jServerError` whose message ends with the tail of ``workdir/server.log``.
    """
    return Neo4jTestServer(workdir, password, timeout, **kwargs).start()


# --------------------------------------------------------------------------------------------- helpers


def _quote_name(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def reset_database(driver: Any, database: str | None = None) -> None:
    """Empty a database: delete all nodes and relationships, drop all constraints and indexes
    (except the built-in token LOOKUP indexes)."""
    with driver.session(database=database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
        for record in session.run("SHOW CONSTRAINTS YIELD name").data():
            session.run(f"DROP CONSTRAINT {_quote_name(record['name'])} IF EXISTS").consume()
        for record in session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name").data():
            session.run(f"DROP INDEX {_quote_name(record['name'])} IF EXISTS").consume()


# --------------------------------------------------------------------------------------------- CLI


def _write_env_file(path: Path, server: RunningServer) -> None:
    content = "".join(f"export {k}={shlex.quote(v)}\n" for k, v in server.env().items())
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(content)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def _cmd_build(args: argparse.Namespace) -> int:
    t0 = time.monotonic()
    classpath = build(quiet=not args.verbose)
    if args.print_classpath:
        print(classpath)
    else:
        print(f"{MAIN_CLASS} ready ({len(classpath.split(os.pathsep))} classpath entries, "
              f"{time.monotonic() - t0:.1f} s)", file=sys.stderr)
    return 0


class _Stop(BaseException):
    """Raised by the SIGTERM/SIGHUP handler of the CLI (like KeyboardInterrupt for Ctrl-C)."""


def _cmd_start(args: argparse.Namespace) -> int:
    workdir = Path(args.dir).resolve()
    password = os.environ.get("NEO4J_TEST_PASSWORD") or None
    print(f"starting Neo4j test server in {workdir} ...", file=sys.stderr, flush=True)

    def on_signal(signum: int, frame: Any) -> None:
        raise _Stop()

    signal.signal(signal.SIGTERM, on_signal)
    # Also when started as a background job, where the shell ignores SIGINT (Python then sets no handler).
    signal.signal(signal.SIGINT, on_signal)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, on_signal)

    t0 = time.monotonic()
    try:
        server = start(workdir, password, args.timeout, heap=args.heap, quiet_build=not args.verbose)
    except (KeyboardInterrupt, _Stop):
        print("interrupted during start-up", file=sys.stderr)
        return 130
    env_path = workdir / "env"
    try:
        _write_env_file(env_path, server)
        print(server.uri, flush=True)
        print(
            f"ready in {time.monotonic() - t0:.1f} s; user {server.user}; `source {env_path}` for "
            f"NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD; log: {server.log_path}; "
            + ("stop with Ctrl-C or SIGTERM" if args.ignore_stdin else "stop with Ctrl-C, SIGTERM or EOF on stdin"),
            file=sys.stderr,
            flush=True,
        )
        stdin_fd = None
        if not args.ignore_stdin and sys.stdin is not None:
            with contextlib.suppress(AttributeError, OSError, ValueError):
                stdin_fd = sys.stdin.fileno()
        while True:
            if not server.is_running():
                print(
                    f"the Neo4j test server exited unexpectedly (code {server.process.returncode}):\n"
                    f"{server.log_tail(40)}",
                    file=sys.stderr,
                )
                return 1
            if stdin_fd is None:
                time.sleep(0.5)
                continue
            # Poll stdin from this thread (a daemon reader thread would abort the interpreter at exit).
            readable, _, _ = select.select([stdin_fd], [], [], 0.5)
            if readable and not os.read(stdin_fd, 4096):
                print("stdin closed (use --ignore-stdin to keep running without it)", file=sys.stderr)
                break
        return 0
    except (KeyboardInterrupt, _Stop):
        return 0
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT, getattr(signal, "SIGHUP", None)):
            if sig is not None:
                signal.signal(sig, signal.SIG_IGN)  # let the orderly stop below finish
        print("stopping Neo4j test server ...", file=sys.stderr, flush=True)
        env_path.unlink(missing_ok=True)  # its credentials die with the server
        code = server.stop()
        print(f"stopped (exit code {code})", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.neo4j_server", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_build = sub.add_parser("build", help="fetch the jars and compile the launcher (no-op when up to date)")
    p_build.add_argument("--verbose", "-v", action="store_true", help="show Maven's output")
    p_build.add_argument("--print-classpath", action="store_true", help="print the Java classpath")
    p_build.set_defaults(func=_cmd_build)
    p_start = sub.add_parser("start", help="run a server in the foreground until Ctrl-C, SIGTERM or stdin EOF")
    p_start.add_argument("--dir", required=True, help="work folder (server.log, env, store)")
    p_start.add_argument("--timeout", type=float, default=240, help="start-up timeout in seconds")
    p_start.add_argument("--heap", default=None, help=f"JVM max heap (default $KG_NEO4J_HEAP or {DEFAULT_HEAP})")
    p_start.add_argument("--ignore-stdin", action="store_true", help="do not stop on stdin EOF (for `&` jobs)")
    p_start.add_argument("--verbose", "-v", action="store_true", help="show Maven's output if it builds")
    p_start.set_defaults(func=_cmd_start)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except Neo4jServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
