package dev.zvonok.server.cli;

public final class ServerLite {
    public static void main(String[] args) {
    }
}
