#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""gen-hostile.py RAMPART_IMG OUTDIR

Makes the hostile MCUboot images listed in test/vectors/hostile.txt: edits of the imgtool
vectors in test/vectors/imgtool/ and of images freshly signed by RAMPART_IMG with keys it
generates (so they are in no keyring). Writes OUTDIR/NAME.bin for every case and
OUTDIR/MANIFEST (a copy of hostile.txt: NAME<TAB>REASON). Fails if the manifest and the
generated set differ. Python 3 standard library only.
"""
import os
import shutil
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VEC = os.path.join(HERE, "imgtool")
MANIFEST = os.path.join(HERE, "hostile.txt")

SHA256, SHA384, KEYHASH, PUBKEY = 0x10, 0x11, 0x01, 0x02
RSA2048, ECDSA224, ECDSA_SIG, ED25519, SIG_PURE = 0x20, 0x21, 0x22, 0x24, 0x25
DEPENDENCY, SEC_CNT, BOOT_RECORD = 0x40, 0x50, 0x60
F_PIC, F_ENC128, F_NON_BOOTABLE = 0x01, 0x04, 0x10


class Image:
    """An MCUboot image split into header+payload, protected and unprotected TLV lists."""

    def __init__(self, data):
        self.hdr_size, self.prot_size, self.img_size = struct.unpack_from("<HHI", data, 8)
        tlv_off = self.hdr_size + self.img_size
        self.body = bytearray(data[:tlv_off])
        self.prot, off = self._area(data, tlv_off, 0x6908) if self.prot_size else ([], tlv_off)
        self.unprot, self.end = self._area(data, off, 0x6907)

    @staticmethod
    def _area(data, off, magic):
        m, total = struct.unpack_from("<HH", data, off)
        assert m == magic, "vector layout not understood"
        tlvs, pos, end = [], off + 4, off + total
        while pos < end:
            t, n = struct.unpack_from("<HH", data, pos)
            tlvs.append([t, bytearray(data[pos + 4:pos + 4 + n])])
            pos += 4 + n
        return tlvs, end

    def get(self, t):
        return next(v for ty, v in self.unprot + self.prot if ty == t)

    def build(self, prot_total=None, unprot_total=None, prot_extra=b"", keep_prot_size=False):
        """Bytes of the image; the header's prot size follows the protected area unless kept."""
        out = bytearray(self.body)
        pbody = b"".join(struct.pack("<HH", t, len(v)) + v for t, v in self.prot) + prot_extra
        psize = len(pbody) + 4 if self.prot or prot_extra else 0
        if not keep_prot_size:
            struct.pack_into("<H", out, 10, psize)
        if psize:
            out += struct.pack("<HH", 0x6908, psize if prot_total is None else prot_total)
            out += pbody
        ubody = b"".join(struct.pack("<HH", t, len(v)) + v for t, v in self.unprot)
        total = len(ubody) + 4 if unprot_total is None else unprot_total
        out += struct.pack("<HH", 0x6907, total) + ubody
        return bytes(out)


def read(name):
    with open(os.path.join(VEC, name), "rb") as f:
        return f.read()


def patch(data, off, fmt, *vals):
    b = bytearray(data)
    struct.pack_into(fmt, b, off, *vals)
    return bytes(b)


def flip(data, off, bit=0):
    b = bytearray(data)
    b[off] ^= 1 << bit
    return bytes(b)


def der_int(v):
    b = v.to_bytes(max(1, (v.bit_length() + 7) // 8), "big")
    if b[0] & 0x80:
        b = b"\0" + b
    return b"\x02" + bytes([len(b)]) + b


def der_sig(r, s):
    body = der_int(r) + der_int(s)
    return b"\x30" + bytes([len(body)]) + body


def der_split(sig):
    """(r, s) of a DER ECDSA signature with short-form lengths."""
    assert sig[0] == 0x30 and sig[2] == 0x02
    rlen = sig[3]
    r = int.from_bytes(sig[4:4 + rlen], "big")
    s_at = 4 + rlen
    s = int.from_bytes(sig[s_at + 2:s_at + 2 + sig[s_at + 1]], "big")
    return r, s


def with_unprot(img, fn):
    """A copy of the image's unprotected TLV list edited by fn, rebuilt."""
    im = Image(img)
    im.unprot = fn([[t, bytearray(v)] for t, v in im.unprot])
    return im.build()


def set_value(t, value):
    def fn(tlvs):
        for tlv in tlvs:
            if tlv[0] == t:
                tlv[1] = bytearray(value)
        return tlvs
    return fn


def cases_truncated(c, E):
    for cut in (0, 16, 32, 0x200, 10000, 0x5020, 0x5022, 0x5024, 0x5064, len(E) - 1):
        c["trunc-%05d" % cut] = E[:cut]


def cases_header(c, E, P):
    c["img-size-overflow"] = patch(E, 12, "<I", 0xffffffff)
    c["img-size-past-slot"] = patch(E, 12, "<I", 0x10000000)
    c["hdr-size-past-slot"] = patch(patch(E, 8, "<H", 0xffff), 12, "<I", 0x0fff0000)
    c["hdr-size-too-small"] = patch(E, 8, "<H", 16)
    c["hdr-size-zero"] = patch(E, 8, "<H", 0)
    c["prot-size-overflow"] = patch(patch(E, 12, "<I", 0xfffffdf8), 10, "<H", 0x10)
    c["prot-size-past-slot"] = patch(E, 10, "<H", 0xffff)
    c["prot-size-without-info"] = patch(E, 10, "<H", 8)
    c["prot-info-without-size"] = patch(P, 10, "<H", 0)
    c["prot-info-total-mismatch"] = Image(P).build(prot_total=0x7c)
    c["prot-hdr-size-mismatch"] = patch(P, 10, "<H", 0x7a)
    c["unprot-info-missing"] = patch(E, 0x5020, "<H", 0x6906)
    c["non-bootable-flag"] = patch(E, 16, "<I", F_NON_BOOTABLE)
    c["pic-flag"] = patch(E, 16, "<I", F_PIC)
    c["encrypted-flag"] = patch(E, 16, "<I", F_ENC128)
    c["legacy-magic"] = patch(E, 0, "<I", 0x96f3b83c)
    c["erased"] = b"\xff" * 1024


def cases_tlv_layout(c, E, P):
    im = Image(E)
    c["unprot-total-short"] = im.build(unprot_total=len(E) - 0x5020 - 1)
    c["unprot-total-long"] = im.build(unprot_total=len(E) - 0x5020 + 1) + b"\xff"
    sig_hdr = len(E) - 72 - 4
    c["tlv-len-past-area"] = patch(E, sig_hdr + 2, "<H", 0x100)
    # P's protected area: info at 0x5020, SEC_CNT header at 0x5024.
    c["prot-tlv-len-past-area"] = patch(P, 0x5024 + 2, "<H", 0x100)
    c["prot-tlv-header-past-area"] = Image(P).build(prot_extra=b"\x50\x00")


def cases_hash(c, E):
    c["missing-hash"] = with_unprot(E, lambda t: [x for x in t if x[0] != SHA256])
    c["short-hash"] = with_unprot(E, lambda t: [[x[0], x[1][:31] if x[0] == SHA256 else x[1]]
                                                for x in t])
    c["two-hashes"] = with_unprot(E, lambda t: [t[0]] + t)
    c["sha384-hash"] = with_unprot(E, lambda t: [[SHA384, bytearray(48)]] + t[1:])
    c["sig-pure"] = with_unprot(E, lambda t: t + [[SIG_PURE, bytearray(b"\x01")]])


def cases_keys_and_sigs(c, E, D, C):
    c["unsigned"] = read("unsigned-sha256.bin")
    c["no-keyhash"] = with_unprot(E, lambda t: [x for x in t if x[0] != KEYHASH])
    c["keyhash-wrong-len"] = with_unprot(E, lambda t: [[x[0], x[1][:31] if x[0] == KEYHASH
                                                        else x[1]] for x in t])
    c["rsa-sig-type"] = with_unprot(E, lambda t: t[:2] + [[RSA2048, bytearray(256)]])
    c["ecdsa224-sig-type"] = with_unprot(E, lambda t: t[:2] + [[ECDSA224, t[2][1]]])
    c["sig-type-mismatch"] = with_unprot(E, lambda t: t[:2] + [[ED25519, bytearray(64)]])
    c["ed25519-sig-short"] = with_unprot(D, lambda t: t[:2] + [[ED25519, t[2][1][:63]]])
    sig = bytes(Image(E).get(ECDSA_SIG))
    r, s = der_split(sig)
    c["ecdsa-r-zero"] = with_unprot(E, set_value(ECDSA_SIG, der_sig(0, s)))
    c["ecdsa-s-zero"] = with_unprot(E, set_value(ECDSA_SIG, der_sig(r, 0)))
    c["ecdsa-sig-not-der"] = with_unprot(E, set_value(ECDSA_SIG, b"\x31" + sig[1:]))
    c["ecdsa-sig-trailing-garbage"] = with_unprot(E, set_value(ECDSA_SIG, sig + b"\x01"))
    # confirmed-padded's signature is 71 bytes: one more byte stays within the 72-byte limit.
    ci = Image(C)
    sig71 = bytes(ci.get(ECDSA_SIG))
    cim = ci.build()
    c["ecdsa-sig-trailing-nonzero"] = with_unprot(cim, set_value(ECDSA_SIG, sig71 + b"\x01"))
    c["ecdsa-sig-zero-pad-too-long"] = with_unprot(cim, set_value(ECDSA_SIG,
                                                                  sig71 + b"\x00\x00"))


def cases_unprot_allow_list(c, E):
    c["unprot-boot-record"] = with_unprot(E, lambda t: t + [[BOOT_RECORD, bytearray(8)]])
    c["unprot-sec-cnt"] = with_unprot(E, lambda t: [[SEC_CNT, bytearray(4)]] + t)
    c["unprot-vendor-tlv"] = with_unprot(E, lambda t: t + [[0xa0, bytearray(b"evil")]])


def cases_protected(c, P):
    def edited(fn):
        im = Image(P)
        im.prot = fn(im.prot)
        return im.build()
    dep = [DEPENDENCY, bytearray(b"\x01\0\0\0\x01\0\0\0\0\0\0\0")]
    c["too-many-deps"] = edited(lambda p: p + [dep] * 4)
    c["two-sec-cnts"] = edited(lambda p: p + [[SEC_CNT, bytearray(4)]])
    c["sec-cnt-wrong-len"] = edited(lambda p: [[SEC_CNT, bytearray(3)]] + p[1:])
    c["dep-wrong-len"] = edited(lambda p: p[:2] + [[DEPENDENCY, bytearray(11)]])


def cases_bitflips(c, E, P):
    for off in (0x04, 0x14, 0x1c, 0x100):
        c["flip-header-%04x" % off] = flip(E, off, 3)
    for off in (0x200, 0x2a00, 0x501f):
        c["flip-payload-%04x" % off] = flip(E, off, 5)
    # Values of SEC_CNT, BOOT_RECORD and DEPENDENCY (never a TLV header).
    for off in (0x5028, 0x5030, 0x5090):
        c["flip-prot-%04x" % off] = flip(P, off, 1)


class Tool:
    def __init__(self, path, out):
        self.path, self.out = path, out

    def run(self, *args):
        r = subprocess.run([self.path] + list(args), stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, universal_newlines=True)
        if r.returncode:
            sys.exit("gen-hostile: %s %s failed:\n%s" % (self.path, " ".join(args), r.stdout))

    def sign(self, key, name, *extra):
        out = os.path.join(self.out, "tmp-" + name)
        self.run("sign", "-k", key, "-v", "1.2.3+4", "-H", "0x200", "--pad-header",
                 "--align", "8", "-S", "0x40000", *extra, os.path.join(VEC, "app.bin"), out)
        with open(out, "rb") as f:
            data = f.read()
        os.unlink(out)
        return data


def cases_fresh(c, tool, E, D):
    keys = {}
    for alg in ("ecdsa-p256", "ed25519"):
        keys[alg] = os.path.join(tool.out, "tmp-untrusted-%s.pem" % alg)
        if os.path.exists(keys[alg]):
            os.unlink(keys[alg])
        tool.run("keygen", "-t", alg, "-k", keys[alg])
    ours = {"ecdsa-p256": Image(E).get(KEYHASH), "ed25519": Image(D).get(KEYHASH)}
    for alg, key in keys.items():
        img = tool.sign(key, alg)
        c["untrusted-keyhash-" + alg] = img
        c["untrusted-sig-trusted-keyhash-" + alg] = with_unprot(img, set_value(KEYHASH,
                                                                                ours[alg]))
        c["untrusted-pubkey-" + alg] = tool.sign(key, alg, "--public-key-format", "full")
        os.unlink(key)
    trusted = tool.sign(os.path.join(VEC, "keys", "ecdsa-p256.pem"), "p", "--public-key-format",
                        "full")
    c["trusted-pubkey-bad-sig"] = with_unprot(trusted, lambda t: t[:2] + [
        [t[2][0], bytearray(der_sig(*[v ^ 1 for v in der_split(bytes(t[2][1]))]))]])
    c["signed-non-bootable"] = tool.sign(os.path.join(VEC, "keys", "ecdsa-p256.pem"), "n",
                                         "--non-bootable")


def manifest_names():
    names = []
    with open(MANIFEST) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                name, reason = line.rstrip("\n").split("\t", 1)
                assert reason.strip(), "empty reason for " + name
                names.append(name)
    return names


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    tool, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    E, D, P = read("ecdsa-p256.bin"), read("ed25519.bin"), read("ecdsa-p256-prot-tlvs.bin")
    C = read("ecdsa-p256-confirmed-padded.bin")
    c = {}
    cases_truncated(c, E)
    cases_header(c, E, P)
    cases_tlv_layout(c, E, P)
    cases_hash(c, E)
    cases_keys_and_sigs(c, E, D, C)
    cases_unprot_allow_list(c, E)
    cases_protected(c, P)
    cases_bitflips(c, E, P)
    cases_fresh(c, Tool(tool, out), E, D)
    files = {k + ".bin": v for k, v in c.items()}
    listed = manifest_names()
    if sorted(listed) != sorted(files):
        sys.exit("gen-hostile: hostile.txt and the generator disagree:\n  only listed: %s\n"
                 "  only generated: %s" % (sorted(set(listed) - set(files)),
                                           sorted(set(files) - set(listed))))
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    shutil.copyfile(MANIFEST, os.path.join(out, "MANIFEST"))
    print("gen-hostile: %d hostile images in %s" % (len(files), out))


if __name__ == "__main__":
    main()
