#!/usr/bin/env python3
"""Writes copies of a DICOM file whose header disagrees with its pixel data, the damage seen from
broken senders and hand-edited files. Usage: mutatePixelHeader.py IN OUT MUTATION [OUT MUTATION ...]
where MUTATION may join several with "+" (set=SOPInstanceUID:1.2.3+truncate-fragment).

Mutations: ts=<uid> (relabel the transfer syntax only), set=<Keyword>:<value> (one attribute, the
value written as given), truncate-fragment, garbage-fragment (the first frame's compressed bytes)."""
import random
import sys
from io import BytesIO

import pydicom
from pydicom import config
from pydicom.dataelem import DataElement
from pydicom.encaps import encapsulate, generate_pixel_data_frame
from pydicom.filebase import DicomFileLike
from pydicom.filewriter import write_file_meta_info
from pydicom.uid import UID

config.settings.reading_validation_mode = config.IGNORE
config.settings.writing_validation_mode = config.IGNORE


def first_frame(ds):
    count = int(getattr(ds, "NumberOfFrames", 1) or 1)
    return bytes(next(generate_pixel_data_frame(ds.PixelData, count)))


def relabel(dst, uid):
    # Swap the File Meta group for one naming the other syntax; the data set bytes stay as they were,
    # since pydicom would otherwise re-encode the pixel data to suit the new label.
    with open(dst, "rb") as f:
        data = f.read()
    group_length = int.from_bytes(data[140:144], "little")
    ds = pydicom.dcmread(dst, stop_before_pixels=True)
    ds.file_meta.TransferSyntaxUID = UID(uid)
    meta = BytesIO()
    write_file_meta_info(DicomFileLike(meta), ds.file_meta, enforce_standard=True)
    with open(dst, "wb") as f:
        f.write(data[:132] + meta.getvalue() + data[144 + group_length :])


def mutate(src, dst, mutations):
    ds = pydicom.dcmread(src)
    for mutation in mutations.split("+"):
        change(ds, mutation)
    ds.save_as(dst, write_like_original=False)
    for mutation in mutations.split("+"):
        if mutation.startswith("ts="):
            relabel(dst, mutation[3:])


def change(ds, mutation):
    if mutation.startswith("set="):
        keyword, value = mutation[4:].split(":", 1)
        tag = pydicom.datadict.tag_for_keyword(keyword)
        vr = pydicom.datadict.dictionary_VR(keyword)
        # DS and IS are written as given, so "NaN" and "1e308" reach the file as a sender wrote them.
        ds[tag] = DataElement(tag, vr, int(value) if vr in ("US", "SS") else value)
    elif mutation in ("truncate-fragment", "garbage-fragment"):
        first = first_frame(ds)
        if mutation == "truncate-fragment":
            damaged = first[: len(first) // 2 & ~1]
        else:
            rng = random.Random(7)
            damaged = bytes(rng.randrange(256) for _ in range(len(first) & ~1))
        ds.PixelData = encapsulate([damaged])
        ds["PixelData"].is_undefined_length = True
        if "NumberOfFrames" in ds:
            ds.NumberOfFrames = 1
    elif not mutation.startswith("ts="):
        sys.exit(f"unknown mutation {mutation}")


args = sys.argv[1:]
for out, what in zip(args[1::2], args[2::2]):
    mutate(args[0], out, what)
