#pragma once

#include <QByteArray>
#include <QString>

namespace nsfw {

/// Format and pixel size read from an image file's header alone, without decoding it. Used to refuse
/// decompression bombs before any decoder allocates, and to tell the real format from the extension.
struct ImageHeader {
    enum class Format { Unknown, Png, Jpeg, Gif, Bmp, Webp, Tiff };
    Format format = Format::Unknown;
    qint64 width = 0;
    qint64 height = 0;
    bool valid() const { return format != Format::Unknown && width > 0 && height > 0; }
};

/// Reads the header in data (the whole file or at least its first few KiB; JPEG may need more).
ImageHeader readImageHeader(const QByteArray &data);
QString formatName(ImageHeader::Format format);

} // namespace nsfw
