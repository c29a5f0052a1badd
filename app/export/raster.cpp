#include "app/export/raster.h"

#include <algorithm>
#include <cmath>

namespace gs::app {
namespace {

struct Rgba {
  float r, g, b, a;  // 0..1
};

Rgba Unpack(ImU32 c) {
  // IM_COL32 packs R in the low byte, A in the high byte.
  return {float(c & 0xFF) / 255.0f, float((c >> 8) & 0xFF) / 255.0f,
          float((c >> 16) & 0xFF) / 255.0f, float((c >> 24) & 0xFF) / 255.0f};
}

/// Bilinear sample of the atlas at normalized (u, v), as GL_LINEAR with clamp to edge.
Rgba Sample(const AtlasView& t, float u, float v) {
  const float x = u * float(t.width) - 0.5f;
  const float y = v * float(t.height) - 0.5f;
  const float fx = std::floor(x), fy = std::floor(y);
  const float ax = x - fx, ay = y - fy;
  auto texel = [&](int px, int py) {
    px = std::clamp(px, 0, t.width - 1);
    py = std::clamp(py, 0, t.height - 1);
    const unsigned char* p =
        t.pixels + (std::size_t(py) * std::size_t(t.width) + std::size_t(px)) * 4;
    return Rgba{p[0] / 255.0f, p[1] / 255.0f, p[2] / 255.0f, p[3] / 255.0f};
  };
  const int ix = int(fx), iy = int(fy);
  const Rgba a = texel(ix, iy), b = texel(ix + 1, iy), c = texel(ix, iy + 1),
             d = texel(ix + 1, iy + 1);
  auto mix = [](float p, float q, float s) { return p + (q - p) * s; };
  auto lerp2 = [&](float pa, float pb, float pc, float pd) {
    return mix(mix(pa, pb, ax), mix(pc, pd, ax), ay);
  };
  return {lerp2(a.r, b.r, c.r, d.r), lerp2(a.g, b.g, c.g, d.g), lerp2(a.b, b.b, c.b, d.b),
          lerp2(a.a, b.a, c.a, d.a)};
}

void Blend(std::uint8_t* dst, const Rgba& s) {
  if (s.a <= 0.0f) return;
  const float ia = 1.0f - s.a;
  dst[0] = std::uint8_t(std::lround(std::clamp(s.r * s.a * 255.0f + dst[0] * ia, 0.0f, 255.0f)));
  dst[1] = std::uint8_t(std::lround(std::clamp(s.g * s.a * 255.0f + dst[1] * ia, 0.0f, 255.0f)));
  dst[2] = std::uint8_t(std::lround(std::clamp(s.b * s.a * 255.0f + dst[2] * ia, 0.0f, 255.0f)));
  dst[3] = 255;
}

struct ClipBox {
  int x0, y0, x1, y1;  // pixel range [x0, x1) × [y0, y1)
};

void DrawTriangle(const ImDrawVert& v0, const ImDrawVert& v1, const ImDrawVert& v2, ImVec2 off,
                  const ClipBox& clip, const AtlasView& atlas, Image& img) {
  const float x0 = v0.pos.x - off.x, y0 = v0.pos.y - off.y;
  const float x1 = v1.pos.x - off.x, y1 = v1.pos.y - off.y;
  const float x2 = v2.pos.x - off.x, y2 = v2.pos.y - off.y;
  const float area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  if (std::fabs(area) < 1e-6f) return;
  const int bx0 = std::max(clip.x0, int(std::floor(std::min({x0, x1, x2}))));
  const int by0 = std::max(clip.y0, int(std::floor(std::min({y0, y1, y2}))));
  const int bx1 = std::min(clip.x1, int(std::ceil(std::max({x0, x1, x2}))));
  const int by1 = std::min(clip.y1, int(std::ceil(std::max({y0, y1, y2}))));
  if (bx0 >= bx1 || by0 >= by1) return;
  const Rgba c0 = Unpack(v0.col), c1 = Unpack(v1.col), c2 = Unpack(v2.col);
  const bool flat_col = v0.col == v1.col && v1.col == v2.col;
  // Solid shapes all use the atlas's white pixel: one sample serves the whole triangle.
  const bool flat_uv =
      v0.uv.x == v1.uv.x && v1.uv.x == v2.uv.x && v0.uv.y == v1.uv.y && v1.uv.y == v2.uv.y;
  const Rgba flat_tex = flat_uv ? Sample(atlas, v0.uv.x, v0.uv.y) : Rgba{1, 1, 1, 1};
  const float inv = 1.0f / area;
  for (int y = by0; y < by1; ++y) {
    const float py = float(y) + 0.5f;
    for (int x = bx0; x < bx1; ++x) {
      const float px = float(x) + 0.5f;
      // Barycentric weights; the sign of `area` covers both windings.
      const float w0 = ((x1 - px) * (y2 - py) - (x2 - px) * (y1 - py)) * inv;
      const float w1 = ((x2 - px) * (y0 - py) - (x0 - px) * (y2 - py)) * inv;
      const float w2 = 1.0f - w0 - w1;
      if (w0 < 0.0f || w1 < 0.0f || w2 < 0.0f) continue;
      Rgba c = flat_col
                   ? c0
                   : Rgba{c0.r * w0 + c1.r * w1 + c2.r * w2, c0.g * w0 + c1.g * w1 + c2.g * w2,
                          c0.b * w0 + c1.b * w1 + c2.b * w2, c0.a * w0 + c1.a * w1 + c2.a * w2};
      const Rgba t = flat_uv ? flat_tex
                             : Sample(atlas, v0.uv.x * w0 + v1.uv.x * w1 + v2.uv.x * w2,
                                      v0.uv.y * w0 + v1.uv.y * w1 + v2.uv.y * w2);
      c = {c.r * t.r, c.g * t.g, c.b * t.b, c.a * t.a};
      Blend(img.At(x, y), c);
    }
  }
}

}  // namespace

Image::Image(int w, int h, ImU32 fill)
    : width(w), height(h), rgba(std::size_t(w) * std::size_t(h) * 4) {
  const Rgba f = Unpack(fill);
  for (std::size_t i = 0; i < rgba.size(); i += 4) {
    rgba[i] = std::uint8_t(f.r * 255.0f);
    rgba[i + 1] = std::uint8_t(f.g * 255.0f);
    rgba[i + 2] = std::uint8_t(f.b * 255.0f);
    rgba[i + 3] = 255;
  }
}

void RasterizeDrawData(const ImDrawData& dd, const AtlasView& atlas, Image& img) {
  if (!atlas.pixels || atlas.width <= 0 || atlas.height <= 0) return;
  const ImVec2 off = dd.DisplayPos;
  for (int n = 0; n < dd.CmdListsCount; ++n) {
    const ImDrawList& list = *dd.CmdLists[n];
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.UserCallback) continue;  // none in Gopherscope's UI
      ClipBox clip{std::max(0, int(std::floor(cmd.ClipRect.x - off.x))),
                   std::max(0, int(std::floor(cmd.ClipRect.y - off.y))),
                   std::min(img.width, int(std::ceil(cmd.ClipRect.z - off.x))),
                   std::min(img.height, int(std::ceil(cmd.ClipRect.w - off.y)))};
      if (clip.x0 >= clip.x1 || clip.y0 >= clip.y1) continue;
      const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
      const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
      for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
        DrawTriangle(vtx[idx[i]], vtx[idx[i + 1]], vtx[idx[i + 2]], off, clip, atlas, img);
      }
    }
  }
}

}  // namespace gs::app
