"""Writes a copy of a block file with one thing changed, for the metis-block tests."""
import json
import sys

src, dst, what = sys.argv[1:4]
block = json.load(open(src))
header = block["header"]
if what == "gas":
    header["gasUsed"] = hex(int(header["gasUsed"], 16) + 1)
elif what == "receipts":
    header["receiptsRoot"] = "0x" + "00" * 32
elif what == "bloom":
    bloom = bytearray.fromhex(header["logsBloom"][2:])
    bloom[0] ^= 0x80
    header["logsBloom"] = "0x" + bloom.hex()
elif what == "nonce":
    tx = block["transactions"][3]
    tx["nonce"] = hex(int(tx["nonce"], 16) + 1)
elif what == "missing":
    del block["transactions"][1]["gas"]
elif what == "truncated":
    open(dst, "w").write(json.dumps(block)[:1000])
    sys.exit(0)
json.dump(block, open(dst, "w"))
