#!/usr/bin/python3
"""Writes the .npy fixtures that NpyReaderTest and NpyWriterTest read.

    /usr/bin/python3 make_fixtures.py [OUT_FOLDER]     (default: the folder of this script)

Run it with Debian's /usr/bin/python3 (package python3-numpy). The output is deterministic, and
NpyFixturesScriptTest runs this script into a temporary folder and checks that it reproduces the
committed files byte for byte, so that the fixtures stay what numpy really writes. After changing
the script, run it and commit the files it writes.

ok_*    accepted; every one holds LABELS
wide_*  accepted; values at the edges of each type (NpyReaderTest lists them)
save_*  np.save of int64 arrays, which NpyWriter must reproduce byte for byte
bad_*   refused, one reason each

Wherever numpy can make the file it does; the rest are hand-made bytes (npy_bytes below), and
each one's fate in np.load is asserted here, so that "numpy accepts it" or "numpy refuses it" is
checked, not assumed.
"""
import io
import os
import pickle
import struct
import sys
import zipfile

import numpy as np

LABELS = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 0]
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(OUT, name)


def write(name, data):
    with open(path(name), 'wb') as f:
        f.write(data)
    return data


def saved(array, version=None, allow_pickle=False):
    buffer = io.BytesIO()
    if version is None:
        np.save(buffer, array, allow_pickle=allow_pickle)
    else:
        np.lib.format.write_array(buffer, np.asanyarray(array), version=version, allow_pickle=allow_pickle)
    return buffer.getvalue()


def npy_bytes(header, data, version=(1, 0), newline=True, encoding='latin1'):
    """A file as numpy lays it out (magic, version, length, padded header, data) around any header."""
    body = header.encode(encoding) if isinstance(header, str) else header
    length_format = '<H' if version == (1, 0) else '<I'
    unpadded = 8 + struct.calcsize(length_format) + len(body) + (1 if newline else 0)
    padded = body + b' ' * (-unpadded % 64) + (b'\n' if newline else b'')
    return b'\x93NUMPY' + bytes(version) + struct.pack(length_format, len(padded)) + padded + data


def loads(name):
    try:
        return np.load(path(name), allow_pickle=False)
    except Exception:  # noqa: BLE001 - any refusal counts
        return None


def accepted(name, expected=LABELS):
    got = loads(name)
    assert got is not None and got.ravel().tolist() == expected, name


def refused_by_numpy(name):
    # np.load opens a zip as an NpzFile, which is not an array either.
    assert not isinstance(loads(name), np.ndarray), name + ' was meant to be refused by np.load too'


labels_i8 = np.array(LABELS, dtype='<i8')
le_i8 = saved(labels_i8)
data_i8 = labels_i8.tobytes()

# Every accepted dtype and byte order, format 1.0, shape (N,).
for descr in ['|i1', '|u1', '<i2', '>i2', '<i4', '>i4', '<i8', '>i8', '<u2', '>u2', '<u4', '>u4',
              '<u8', '>u8', '<f4', '>f4', '<f8', '>f8']:
    order = {'|': '', '<': '_le', '>': '_be'}[descr[0]]
    name = 'ok_' + descr[1:] + order + '_v1.npy'
    write(name, saved(np.array(LABELS, dtype=descr)))
    accepted(name)

write('ok_i8_le_v2.npy', saved(labels_i8, version=(2, 0)))
write('ok_i8_le_v3.npy', saved(labels_i8, version=(3, 0)))
write('ok_i8_le_v1_n1.npy', saved(labels_i8.reshape(-1, 1)))
write('ok_i8_le_v1_1n.npy', saved(labels_i8.reshape(1, -1)))
# numpy writes fortran_order False for any array with one dimension above 1; only an edit makes True.
n1 = saved(labels_i8.reshape(-1, 1))
write('ok_i8_le_v1_n1_fortran.npy', n1.replace(b"'fortran_order': False, ", b"'fortran_order': True,  "))
write('ok_f8_be_v3_n1.npy', saved(np.array(LABELS, dtype='>f8').reshape(-1, 1), version=(3, 0)))
# '=' (native) is never written by numpy, which always records the real order.
write('ok_i8_native_v1.npy', le_i8.replace(b"'<i8'", b"'=i8'"))
# Python 2's numpy wrote shapes as (16L,); numpy still reads them.
write('ok_i8_le_v1_long_suffix.npy',
      npy_bytes("{'descr': '<i8', 'fortran_order': False, 'shape': (16L,), }", data_i8))
# numpy does not insist on the final newline; neither does the reader.
write('ok_i8_le_v1_no_newline.npy',
      npy_bytes("{'descr': '<i8', 'fortran_order': False, 'shape': (16,)}", data_i8, newline=False))
write('ok_i8_le_v1_double_quotes.npy',
      npy_bytes('{"shape": (16,), "fortran_order": False, "descr": "<i8"}', data_i8))
for name in ['ok_i8_le_v2.npy', 'ok_i8_le_v3.npy', 'ok_i8_le_v1_n1.npy', 'ok_i8_le_v1_1n.npy',
             'ok_i8_le_v1_n1_fortran.npy', 'ok_f8_be_v3_n1.npy', 'ok_i8_native_v1.npy',
             'ok_i8_le_v1_long_suffix.npy', 'ok_i8_le_v1_no_newline.npy', 'ok_i8_le_v1_double_quotes.npy']:
    accepted(name)
write('ok_scalar_i8.npy', saved(np.int64(7)))
accepted('ok_scalar_i8.npy', [7])
write('ok_empty_i8.npy', saved(np.array([], dtype='<i8')))
accepted('ok_empty_i8.npy', [])

# Values at the edges of each type.
WIDE = {
    'wide_i1.npy': ('|i1', [-128, -1, 0, 127]),
    'wide_u1.npy': ('|u1', [0, 128, 255]),
    'wide_i2_be.npy': ('>i2', [-32768, -1, 32767]),
    'wide_u2_le.npy': ('<u2', [0, 65535]),
    'wide_i4_be.npy': ('>i4', [-2**31, -1, 0, 1, 2**31 - 1]),
    'wide_u4_le.npy': ('<u4', [0, 2**31 - 1]),
    'wide_i8_le.npy': ('<i8', [-2**31, -1, 0, 1, 2**31 - 1]),
    'wide_u8_be.npy': ('>u8', [0, 2**31 - 1]),
    'wide_f4_be.npy': ('>f4', [-16777216.0, -0.0, 16777216.0]),
    'wide_f8_le.npy': ('<f8', [-2.0**31, -0.0, 2.0**31 - 1]),
}
for name, (descr, values) in WIDE.items():
    write(name, saved(np.array(values, dtype=descr)))
    accepted(name, values)

# What NpyWriter must reproduce (besides ok_i8_le_v1, ok_empty_i8 and wide_i8_le).
write('save_i8_n1.npy', saved(np.array([7], dtype='<i8')))
write('save_i8_n1000.npy', saved(np.array([i % 10 for i in range(1000)], dtype='<i8')))

# Not .npy files at all.
write('bad_empty.npy', b'')
write('bad_short.npy', b'\x93NUM')
write('bad_magic.npy', b'\x93NUMPZ' + le_i8[6:])
write('bad_text.npy', ''.join('%d\n' % v for v in LABELS).encode('ascii'))
write('bad_pickle.npy', pickle.dumps(LABELS, protocol=4))
zipped = io.BytesIO()
with zipfile.ZipFile(zipped, 'w', zipfile.ZIP_STORED) as archive:
    # A fixed date keeps the bytes reproducible; np.savez would stamp the current time.
    archive.writestr(zipfile.ZipInfo('arr_0.npy', date_time=(2020, 1, 1, 0, 0, 0)), le_i8)
write('bad_npz.npy', zipped.getvalue())

# Damaged prefix or header.
write('bad_version_4_0.npy', le_i8[:6] + b'\x04\x00' + le_i8[8:])
write('bad_version_1_1.npy', le_i8[:6] + b'\x01\x01' + le_i8[8:])
write('bad_header_cut.npy', le_i8[:50])
write('bad_header_too_long.npy', b'\x93NUMPY\x02\x00' + struct.pack('<I', 2**31 - 1) + le_i8[10:])
write('bad_not_dict.npy', npy_bytes("['<i8', False, (16,)]", data_i8))
write('bad_syntax.npy', npy_bytes("{'descr': '<i8', 'fortran_order': False, 'shape': (16,), ", data_i8))
write('bad_missing_key.npy', npy_bytes("{'descr': '<i8', 'shape': (16,), }", data_i8))
write('bad_extra_key.npy',
      npy_bytes("{'descr': '<i8', 'fortran_order': False, 'shape': (16,), 'labels': 10, }", data_i8))
write('bad_fortran_not_bool.npy', npy_bytes("{'descr': '<i8', 'fortran_order': 0, 'shape': (16,), }", data_i8))
write('bad_shape_list.npy', npy_bytes("{'descr': '<i8', 'fortran_order': False, 'shape': [16], }", data_i8))
write('bad_descr_not_string.npy', npy_bytes("{'descr': 8, 'fortran_order': False, 'shape': (16,), }", data_i8))
write('bad_v3_not_utf8.npy',
      npy_bytes(b"{'descr': '<i8', 'fortran_order': False, 'shape': (16,), '\xff': 1}", data_i8, version=(3, 0)))
for name in ['bad_empty.npy', 'bad_short.npy', 'bad_magic.npy', 'bad_text.npy', 'bad_pickle.npy',
             'bad_npz.npy', 'bad_version_4_0.npy', 'bad_version_1_1.npy', 'bad_header_cut.npy',
             'bad_header_too_long.npy', 'bad_not_dict.npy', 'bad_syntax.npy', 'bad_missing_key.npy',
             'bad_extra_key.npy', 'bad_fortran_not_bool.npy', 'bad_shape_list.npy', 'bad_descr_not_string.npy', 'bad_v3_not_utf8.npy']:
    refused_by_numpy(name)

# numpy 1.24 reads a negative dimension as "all the data" (np.fromfile's count=-1); the reader does not.
write('bad_shape_negative.npy', npy_bytes("{'descr': '<i8', 'fortran_order': False, 'shape': (-16,), }", data_i8))
assert isinstance(loads('bad_shape_negative.npy'), np.ndarray)

# Arrays numpy writes whose dtype is not whole numbers.
write('bad_bool.npy', saved(np.array(LABELS) > 4))
write('bad_complex.npy', saved(np.array(LABELS, dtype='<c16')))
write('bad_unicode.npy', saved(np.array([str(v) for v in LABELS])))
write('bad_bytes.npy', saved(np.array([str(v).encode() for v in LABELS])))
write('bad_datetime.npy', saved(np.array(LABELS, dtype='<M8[D]')))
write('bad_void.npy', saved(np.array(LABELS, dtype='<i8').view('|V8')))
write('bad_float16.npy', saved(np.array(LABELS, dtype='<f2')))
write('bad_structured.npy', saved(np.array([(v, 0.5) for v in LABELS], dtype=[('label', '<i8'), ('score', '<f8')])))
# An object array can only be saved pickled: the reader must refuse it from the header alone.
write('bad_object.npy', saved(np.array(LABELS, dtype=object), allow_pickle=True))
# Hand-made: descrs numpy reads but never writes on this machine, or never writes at all.
write('bad_longdouble.npy', npy_bytes("{'descr': '<f16', 'fortran_order': False, 'shape': (16,), }", bytes(16 * 16)))
write('bad_descr_unknown.npy', npy_bytes("{'descr': '<i3', 'fortran_order': False, 'shape': (16,), }", data_i8))
write('bad_pipe_multibyte.npy', npy_bytes("{'descr': '|i8', 'fortran_order': False, 'shape': (16,), }", data_i8))
refused_by_numpy('bad_descr_unknown.npy')

# Shapes with more than one dimension above 1.
probabilities = np.full((4, 10), 0.05)
probabilities[np.arange(4), LABELS[:4]] = 0.55
write('bad_2d_scores.npy', saved(probabilities))
write('bad_2d_int.npy', saved(np.array(LABELS, dtype='<i8').reshape(2, 8)))

# Values that are not int-sized whole numbers; numpy itself loads all of these.
with_bad_value = {
    'bad_nonintegral_f8.npy': ('<f8', 2.5),
    'bad_nan_f8.npy': ('<f8', float('nan')),
    'bad_inf_f4.npy': ('<f4', float('inf')),
    'bad_too_big_f8.npy': ('<f8', 1e10),
    'bad_too_big_i8.npy': ('<i8', 2**40),
    'bad_too_big_u4.npy': ('<u4', 2**32 - 1),
    'bad_too_big_u8.npy': ('>u8', 2**64 - 1),
}
for name, (descr, value) in with_bad_value.items():
    values = np.array(LABELS, dtype=descr)
    values[3] = value
    write(name, saved(values))

# Sizes that disagree with the header.
write('bad_truncated.npy', le_i8[:-5])
write('bad_huge_shape.npy', npy_bytes("{'descr': '<i8', 'fortran_order': False, 'shape': (%d,), }" % 2**62, data_i8))
with open(path('bad_trailing.npy'), 'wb') as f:
    # A classic: two arrays saved into one open file; np.load returns the first and ignores the rest.
    np.save(f, labels_i8)
    np.save(f, labels_i8)
refused_by_numpy('bad_truncated.npy')
refused_by_numpy('bad_huge_shape.npy')
assert np.load(path('bad_trailing.npy')).tolist() == LABELS
