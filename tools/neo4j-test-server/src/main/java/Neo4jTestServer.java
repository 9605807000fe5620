import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * A throw-away Neo4j Community server for integration tests (driven by kg/neo4j_server.py).
 *
 * <pre>
 * java [JVM flags] -cp target/classes:$(cat target/classpath.txt) Neo4jTestServer \
 *     --home DIR --port-file FILE [--port N] [--host 127.0.0.1] [--pagecache-mb 256] [--exit-on-stdin-eof]
 * </pre>
 *
 * The password of user {@code neo4j} comes from the environment variable {@code NEO4J_TEST_PASSWORD}
 * (at least 8 characters); it is never printed. Bolt listens on HOST:N (N=0: a free port chosen by the OS);
 * once the server answers Cypher with the new password in place, the bound port is written atomically to
 * FILE, which is the readiness signal. HTTP/HTTPS are off. With {@code --exit-on-stdin-eof} the server shuts
 * down when its standard input closes, i.e. when the parent process goes away.
 */
public final class Neo4jTestServer {
    private static volatile Neo4j neo4j;

    private Neo4jTestServer() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            System.err.println("Neo4jTestServer: start-up failed: " + t);
            t.printStackTrace(System.err);
            if (neo4j != null) {
                try {
                    neo4j.printLogs(System.err);
                } catch (Throwable ignored) {
                    // best effort
                }
            }
            System.err.flush();
            // Neo4j may have started non-daemon threads: exit explicitly so the JVM cannot hang.
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Path home = null;
        Path portFile = null;
        String host = "127.0.0.1";
        int port = 0;
        long pagecacheMb = 256;
        boolean exitOnStdinEof = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(args[++i]);
                case "--port-file" -> portFile = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--host" -> host = args[++i];
                case "--pagecache-mb" -> pagecacheMb = Long.parseLong(args[++i]);
                case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
                default -> usage("unknown argument: " + args[i]);
            }
        }
        if (home == null || portFile == null) {
            usage("--home and --port-file are required");
        }
        String password = System.getenv("NEO4J_TEST_PASSWORD");
        if (password == null || password.length() < 8) {
            usage("environment variable NEO4J_TEST_PASSWORD must be set to at least 8 characters");
        }

        Runtime.getRuntime().addShutdownHook(new Thread(Neo4jTestServer::shutdown, "neo4j-test-server-shutdown"));
        if (exitOnStdinEof) {
            // Watch stdin from the start, so the server also dies with its parent during start-up.
            Thread watcher = new Thread(Neo4jTestServer::waitForStdinEof, "neo4j-test-server-stdin");
            watcher.setDaemon(true);
            watcher.start();
        }

        long t0 = System.nanoTime();
        Files.createDirectories(home);
        // The harness creates a fresh random sub-folder of `home` for the DBMS and its logs.
        Neo4j server = Neo4jBuilders.newInProcessBuilder(home)
                .withDisabledServer() // no HTTP/HTTPS (no Jetty)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .withConfig(GraphDatabaseSettings.auth_enabled, true)
                .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMb))
                .withConfig(GraphDatabaseSettings.udc_enabled, false)
                // Netty's graceful shutdown otherwise idles for its default quiet period (~5 s) on stop.
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
        neo4j = server;

        server.databaseManagementService()
                .database("system")
                .executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        server.defaultDatabaseService().executeTransactionally("RETURN 1"); // warm up Cypher

        int boundPort = server.boltURI().getPort();
        writeAtomically(portFile, boundPort + "\n");
        System.out.printf(
                "Neo4jTestServer: Bolt ready on bolt://%s:%d (start-up %.1f s)%n",
                host, boundPort, (System.nanoTime() - t0) / 1e9);
        System.out.flush();

        Thread.currentThread().join(); // until stdin EOF (if watched) or a signal; the hook closes Neo4j
    }

    private static void waitForStdinEof() {
        try {
            byte[] buf = new byte[256];
            while (System.in.read(buf) != -1) {
                // discard
            }
        } catch (IOException ignored) {
            // treat a broken stdin like EOF
        }
        System.out.println("Neo4jTestServer: stdin closed, shutting down");
        System.out.flush();
        System.exit(0); // runs the shutdown hook
    }

    private static void shutdown() {
        Neo4j server = neo4j;
        neo4j = null;
        if (server != null) {
            try {
                long t0 = System.nanoTime();
                server.close();
                System.out.printf("Neo4jTestServer: stopped (%.1f s)%n", (System.nanoTime() - t0) / 1e9);
                System.out.flush();
            } catch (Throwable t) {
                System.err.println("Neo4jTestServer: error while stopping: " + t);
            }
        }
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void usage(String problem) {
        System.err.println("Neo4jTestServer: " + problem);
        System.err.println(
                "usage: Neo4jTestServer --home DIR --port-file FILE [--port N] [--host ADDR] [--pagecache-mb N]"
                        + " [--exit-on-stdin-eof]   (password in env NEO4J_TEST_PASSWORD)");
        System.exit(2);
    }
}
