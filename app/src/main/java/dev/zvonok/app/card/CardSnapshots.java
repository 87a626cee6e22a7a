package dev.zvonok.app.card;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Pictures of a card, for screenshots in the docs and for looking at a test's result. javafx-swing (which has
 * {@code SwingFXUtils}) is not a dependency, so the pixels are copied into an AWT image by hand; that needs no
 * display, only {@code java.desktop}.
 */
public final class CardSnapshots {

    private CardSnapshots() {
    }

    /** Renders {@code scene} as it is now. FX thread. */
    public static BufferedImage capture(Scene scene) {
        WritableImage image = scene.snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        picture.setRGB(0, 0, width, height, pixels, 0, width);
        return picture;
    }

    /** Writes {@code picture} as a PNG, creating the folder. Any thread: keep the disk off the FX thread. */
    public static void writePng(BufferedImage picture, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        if (!ImageIO.write(picture, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JDK");
        }
    }
}
