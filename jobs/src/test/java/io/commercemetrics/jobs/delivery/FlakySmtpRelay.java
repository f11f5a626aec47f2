package io.commercemetrics.jobs.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A port on 127.0.0.1 in front of a real SMTP server that turns the first {@code refusals} connections
 * away with a 421 (service not available, as a server under maintenance does) and passes the later ones
 * through: a failure that a retry cures.
 */
final class FlakySmtpRelay implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();

    FlakySmtpRelay(int targetPort, int refusals) throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    if (connections.incrementAndGet() <= refusals) {
                        try (client) {
                            client.getOutputStream().write("421 4.3.2 down for maintenance\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                        }
                    } else {
                        Socket target = new Socket(InetAddress.getByName("127.0.0.1"), targetPort);
                        pipe(client.getInputStream(), target.getOutputStream(), target);
                        pipe(target.getInputStream(), client.getOutputStream(), client);
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    private static void pipe(InputStream from, OutputStream to, Socket closeWhenDone) {
        Thread copier = new Thread(() -> {
            try (closeWhenDone) {
                from.transferTo(to);
            } catch (IOException ended) {
                // the other side hung up: the conversation is over
            }
        });
        copier.setDaemon(true);
        copier.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
