"""A 4x4 contact sheet of phantom DICOM files (read back with pydicom, so it shows what the files hold).
   /usr/bin/python3 models/training/contact_sheet.py DICOM_DIR OUT_PNG"""
import json
import os
import sys

import numpy as np
import pydicom
from PIL import Image, ImageDraw

src, out = sys.argv[1], sys.argv[2]
truth = json.load(open(os.path.join(src, 'ground-truth.json')))['studies'][:16]
tile = 320
sheet = Image.new('L', (4 * tile, 4 * tile + 24))
for k, t in enumerate(truth):
    ds = pydicom.dcmread(os.path.join(src, t['file']))
    a = ds.pixel_array.astype(np.float32)
    a = (a - a.min()) / max(1.0, a.max() - a.min()) * 255
    im = Image.fromarray(a.astype(np.uint8)).resize((tile, tile), Image.BILINEAR)
    d = ImageDraw.Draw(im)
    d.text((4, tile - 14), ', '.join(t['labels'])[:52], fill=255)
    sheet.paste(im, ((k % 4) * tile, (k // 4) * tile))
ImageDraw.Draw(sheet).text((6, 4 * tile + 6), 'Synthetic chest phantoms (src/common/phantoms): demo data, not patients, not for clinical use', fill=255)
sheet.save(out, optimize=True)
print('wrote', out)
