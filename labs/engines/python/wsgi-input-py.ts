// Python module `course_wsgi_input`: the streams a WSGI environ carries (PEP 3333, "Input and
// Error Streams" and "Optional Platform-Specific File Handling").
// The server has already read exactly CONTENT_LENGTH bytes (or the whole chunked body), so
// reading past the end returns b"" instead of waiting for a client that sends no more, which
// is how Gunicorn's Body reader behaves too (gunicorn/http/body.py).
export const wsgiInputModule = String.raw`
import sys


class InputStream:
    """wsgi.input: read(size), readline(size), readlines(hint) and iteration over lines."""

    def __init__(self, data):
        self._data = data
        self._pos = 0

    def read(self, size=-1):
        if size is None or size < 0:
            size = len(self._data) - self._pos
        chunk = self._data[self._pos : self._pos + size]
        self._pos += len(chunk)
        return chunk

    def readline(self, size=-1):
        end = self._data.find(b"\n", self._pos)
        end = len(self._data) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        chunk = self._data[self._pos : end]
        self._pos = end
        return chunk

    def readlines(self, hint=-1):
        lines, total = [], 0
        for line in self:
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


class ErrorStream:
    """wsgi.errors: text written here goes to the server's error log (the terminal)."""

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("wsgi.errors takes str, got %s (PEP 3333, 'Input and Error Streams')" % type(text).__name__)
        sys.stderr.write(text)
        sys.stderr.flush()

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        sys.stderr.flush()


class FileWrapper:
    """wsgi.file_wrapper: iterates a file-like object in blocks and closes it when done."""

    def __init__(self, filelike, blksize=8192):
        self.filelike = filelike
        self.blksize = blksize
        if hasattr(filelike, "close"):
            self.close = filelike.close

    def __iter__(self):
        return self

    def __next__(self):
        data = self.filelike.read(self.blksize)
        if data:
            return data
        raise StopIteration
`;
