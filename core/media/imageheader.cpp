#include "imageheader.h"

#include <cstdint>

namespace nsfw {

namespace {

uint32_t be16(const uchar *p) { return (uint32_t(p[0]) << 8) | p[1]; }
uint32_t be32(const uchar *p) { return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3]; }
uint32_t le16(const uchar *p) { return uint32_t(p[0]) | (uint32_t(p[1]) << 8); }
uint32_t le24(const uchar *p) { return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16); }
uint32_t le32(const uchar *p) { return le16(p) | (le16(p + 2) << 16); }

ImageHeader png(const uchar *p, qint64 n)
{
    ImageHeader h;
    h.format = ImageHeader::Format::Png;
    if (n >= 24 && p[12] == 'I' && p[13] == 'H' && p[14] == 'D' && p[15] == 'R') {
        h.width = be32(p + 16);
        h.height = be32(p + 20);
    }
    return h;
}

ImageHeader jpeg(const uchar *p, qint64 n)
{
    ImageHeader h;
    h.format = ImageHeader::Format::Jpeg;
    qint64 i = 2;
    while (i + 4 <= n) {
        if (p[i] != 0xFF) {
            ++i; // tolerate garbage between segments, as libjpeg does
            continue;
        }
        const uchar marker = p[i + 1];
        if (marker == 0xFF) {
            ++i;
            continue;
        }
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            i += 2;
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA)
            break; // end of image or start of scan before any frame header
        const qint64 length = be16(p + i + 2);
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            if (i + 9 <= n) {
                h.height = be16(p + i + 5);
                h.width = be16(p + i + 7);
            }
            break;
        }
        if (length < 2)
            break;
        i += 2 + length;
    }
    return h;
}

ImageHeader gif(const uchar *p, qint64 n)
{
    ImageHeader h;
    h.format = ImageHeader::Format::Gif;
    if (n >= 10) {
        h.width = le16(p + 6);
        h.height = le16(p + 8);
    }
    return h;
}

ImageHeader bmp(const uchar *p, qint64 n)
{
    ImageHeader h;
    h.format = ImageHeader::Format::Bmp;
    if (n >= 26) {
        const uint32_t dibSize = le32(p + 14);
        if (dibSize == 12) {
            h.width = le16(p + 18);
            h.height = le16(p + 20);
        } else if (dibSize >= 40) {
            h.width = qint32(le32(p + 18));
            h.height = qint32(le32(p + 22));
            if (h.height < 0)
                h.height = -h.height; // top-down bitmap
        }
    }
    return h;
}

ImageHeader webp(const uchar *p, qint64 n)
{
    ImageHeader h;
    h.format = ImageHeader::Format::Webp;
    if (n < 30)
        return h;
    const uchar *c = p + 12;
    if (c[0] == 'V' && c[1] == 'P' && c[2] == '8' && c[3] == ' ') {
        // lossy: frame tag (3 bytes) + start code (3 bytes) + 14-bit sizes
        h.width = le16(c + 14) & 0x3FFF;
        h.height = le16(c + 16) & 0x3FFF;
    } else if (c[0] == 'V' && c[1] == 'P' && c[2] == '8' && c[3] == 'L') {
        const uint32_t bits = le32(c + 9);
        h.width = (bits & 0x3FFF) + 1;
        h.height = ((bits >> 14) & 0x3FFF) + 1;
    } else if (c[0] == 'V' && c[1] == 'P' && c[2] == '8' && c[3] == 'X') {
        h.width = le24(c + 12) + 1;
        h.height = le24(c + 15) + 1;
    }
    return h;
}

ImageHeader tiff(const uchar *p, qint64 n)
{
    ImageHeader h;
    h.format = ImageHeader::Format::Tiff;
    const bool little = p[0] == 'I';
    auto u16 = [&](qint64 off) -> uint32_t { return little ? le16(p + off) : be16(p + off); };
    auto u32 = [&](qint64 off) -> uint32_t { return little ? le32(p + off) : be32(p + off); };
    if (n < 8)
        return h;
    const qint64 ifd = u32(4);
    if (ifd + 2 > n)
        return h;
    const qint64 entries = u16(ifd);
    for (qint64 e = 0; e < entries; ++e) {
        const qint64 off = ifd + 2 + e * 12;
        if (off + 12 > n)
            break;
        const uint32_t tag = u16(off);
        const uint32_t type = u16(off + 2);
        const uint32_t value = type == 3 ? u16(off + 8) : u32(off + 8);
        if (tag == 256)
            h.width = value;
        else if (tag == 257)
            h.height = value;
    }
    return h;
}

} // namespace

ImageHeader readImageHeader(const QByteArray &data)
{
    const auto *p = reinterpret_cast<const uchar *>(data.constData());
    const qint64 n = data.size();
    if (n >= 8 && p[0] == 0x89 && p[1] == 'P' && p[2] == 'N' && p[3] == 'G')
        return png(p, n);
    if (n >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
        return jpeg(p, n);
    if (n >= 6 && data.startsWith("GIF8"))
        return gif(p, n);
    if (n >= 2 && p[0] == 'B' && p[1] == 'M')
        return bmp(p, n);
    if (n >= 16 && data.startsWith("RIFF") && data.mid(8, 4) == "WEBP")
        return webp(p, n);
    if (n >= 4 && ((p[0] == 'I' && p[1] == 'I' && p[2] == 42 && p[3] == 0) || (p[0] == 'M' && p[1] == 'M' && p[2] == 0 && p[3] == 42)))
        return tiff(p, n);
    return {};
}

QString formatName(ImageHeader::Format format)
{
    switch (format) {
    case ImageHeader::Format::Png: return QStringLiteral("PNG");
    case ImageHeader::Format::Jpeg: return QStringLiteral("JPEG");
    case ImageHeader::Format::Gif: return QStringLiteral("GIF");
    case ImageHeader::Format::Bmp: return QStringLiteral("BMP");
    case ImageHeader::Format::Webp: return QStringLiteral("WebP");
    case ImageHeader::Format::Tiff: return QStringLiteral("TIFF");
    case ImageHeader::Format::Unknown: break;
    }
    return QStringLiteral("unknown");
}

} // namespace nsfw
