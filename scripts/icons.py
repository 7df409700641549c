"""Draw Temper's PNG app icons (committed under assets/icons/).

Run by hand when the icon changes: `pip install pillow && python3 scripts/icons.py`.
The shapes are those of scripts/icon.svg (the drawing, on a 64-unit grid; not
shipped): a rounded blue square, a white wave, an orange dot. The maskable
icon keeps the drawing inside the central 80 %.
"""
from PIL import Image, ImageDraw

BLUE, WHITE, ORANGE = (31, 95, 139, 255), (255, 255, 255, 255), (255, 178, 122, 255)


def draw(size: int, maskable: bool) -> Image.Image:
    scale = 4  # supersample, then shrink for smooth edges
    n = size * scale
    img = Image.new("RGBA", (n, n), BLUE if maskable else (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    if not maskable:
        d.rounded_rectangle([0, 0, n - 1, n - 1], radius=n * 14 // 64, fill=BLUE)
    inset = 0.2 if maskable else 0.0  # safe zone for maskable icons
    def p(x: float, y: float) -> tuple[float, float]:
        f = (1 - 2 * inset) / 64
        return (n * (inset + x * f), n * (inset + y * f))
    # The wave: a smooth curve through (14,44) (32,32) (50,20).
    pts = []
    for i in range(801):
        t = i / 800
        x = 14 + 36 * t
        y = 32 - 12 * (2 * t - 1) + 6 * __import__("math").sin(2 * __import__("math").pi * t) * -1
        pts.append(p(x, y))
    width = int(n * 6 / 64 * (1 - 2 * inset))
    r = width / 2
    for x, y in pts:  # a dense run of discs: a smooth, round-capped stroke
        d.ellipse([x - r, y - r, x + r, y + r], fill=WHITE)
    cx, cy = p(32, 32)
    r = n * 5 / 64 * (1 - 2 * inset)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=ORANGE)
    return img.resize((size, size), Image.LANCZOS)


if __name__ == "__main__":
    # PNGs only, since Chromium draws an SVG icon as a document of its own on
    # the page's main thread as it starts: the page's icon (index.html) and
    # the manifest's, one of which it fetches as the page starts. In 32
    # colours they look the same and take a fifth to a third of the bytes
    # (192 px: 9,041 -> 1,942 B).
    for size, maskable, name in [
        (32, False, "icon-32"),
        (192, False, "icon-192"),
        (512, False, "icon-512"),
        (512, True, "icon-maskable-512"),
    ]:
        small = draw(size, maskable).quantize(32, method=Image.FASTOCTREE)
        small.save(f"assets/icons/{name}.png", optimize=True)
