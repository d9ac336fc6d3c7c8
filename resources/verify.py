"""Check the new environment: does torch import, which version, can it use a GPU?

Run by Torch Setup Wizard with the new environment's own Python. Prints one JSON line that
starts with ``WIZARD-VERIFY `` so the wizard reads it without screen-scraping.
"""

import json
import sys
import warnings

# torch works without NumPy; its warning about that would only confuse a learner.
warnings.filterwarnings("ignore", message="Failed to initialize NumPy")


def main() -> int:
    info = {"python": sys.version.split()[0], "ok": False}
    try:
        import torch
    except Exception as exc:  # report any import failure to the wizard, which explains it
        info["error"] = f"{type(exc).__name__}: {exc}"
        print("WIZARD-VERIFY " + json.dumps(info), flush=True)
        return 1
    info["ok"] = True
    info["torch"] = torch.__version__
    info["cuda_build"] = torch.version.cuda
    info["hip_build"] = getattr(torch.version, "hip", None)
    devices = ["cpu"]
    names = {"cpu": "CPU"}
    try:
        info["cuda_available"] = bool(torch.cuda.is_available())
        if info["cuda_available"]:
            for i in range(torch.cuda.device_count()):
                devices.append("cuda:%d" % i)
                names["cuda:%d" % i] = torch.cuda.get_device_name(i)
            # What the build holds (sm_86, ..., compute_120 = PTX), and one real kernel on each GPU:
            # is_available() says True even when the build has no code for the GPU.
            get_arch_list = getattr(torch.cuda, "get_arch_list", None)
            info["arch_list"] = list(get_arch_list()) if get_arch_list else []
            kernel_errors = {}
            for i in range(torch.cuda.device_count()):
                try:
                    value = (torch.arange(3, device="cuda:%d" % i) * 2).sum().item()
                    if int(value) != 6:
                        kernel_errors["cuda:%d" % i] = "wrong result %r" % (value,)
                except Exception as exc:
                    kernel_errors["cuda:%d" % i] = str(exc).strip().splitlines()[0][:300]
            info["kernel_errors"] = kernel_errors
    except Exception as exc:
        info["cuda_available"] = False
        info["cuda_error"] = str(exc)
    try:
        mps = getattr(torch.backends, "mps", None)
        info["mps_available"] = bool(mps and mps.is_available())
        if info["mps_available"]:
            devices.append("mps")
            names["mps"] = "Apple GPU (MPS)"
    except Exception:
        info["mps_available"] = False
    try:
        xpu = getattr(torch, "xpu", None)
        info["xpu_available"] = bool(xpu and xpu.is_available())
        if info["xpu_available"]:
            for i in range(xpu.device_count()):
                devices.append("xpu:%d" % i)
                names["xpu:%d" % i] = xpu.get_device_name(i)
    except Exception:
        info["xpu_available"] = False
    info["devices"] = devices
    info["device_names"] = names
    print("WIZARD-VERIFY " + json.dumps(info), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
