package dev.zvonok.javacheck;

/** Stands for server-lite's or the app's main class in the jars {@link JavaCheckTest} builds. */
public final class FakeRealMain {

    private FakeRealMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("throw")) {
            throw new IllegalStateException("boom from the real main");
        }
        System.out.println("real main got " + String.join("|", args));
        System.exit(3);
    }
}
