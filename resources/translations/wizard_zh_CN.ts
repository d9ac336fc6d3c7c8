<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AfterCheck</name>
        <message>
            <source>PyTorch was installed but could not be loaded: {error}</source>
            <translation>PyTorch 已安装，但无法加载：{error}</translation>
        </message>
        <message>
            <source>no details</source>
            <translation>没有详细信息</translation>
        </message>
        <message>
            <source>PyTorch itself works; until this is fixed it runs on the processor (CPU).</source>
            <translation>PyTorch 本身可以正常工作；在解决这个问题之前，它会在处理器（CPU）上运行。</translation>
        </message>
        <message>
            <source>In your programs, use the device "{device}".</source>
            <translation>在你的程序中，请使用设备“{device}”。</translation>
        </message>
        <message>
            <source>PyTorch works. It runs on the processor (CPU).</source>
            <translation>PyTorch 可以正常工作，它在处理器（CPU）上运行。</translation>
        </message>
        <message>
            <source>The AMD GPU build (ROCm) of PyTorch is installed, but it cannot reach the AMD GPU.</source>
            <translation>已安装 PyTorch 的 AMD 显卡版本（ROCm），但它无法访问 AMD 显卡。</translation>
        </message>
        <message>
            <source>Check that the amdgpu driver is loaded and that your user is in the "render" and "video" groups (then log out and in again). A GPU that ROCm does not list cannot be used.</source>
            <translation>请检查 amdgpu 驱动程序是否已加载，以及你的用户是否属于“render”和“video”用户组（加入后需注销并重新登录）。ROCm 支持列表之外的显卡无法使用。</translation>
        </message>
        <message>
            <source>Install the newest Intel graphics driver for your GPU from Intel's website, restart, and check again.</source>
            <translation>请从 Intel 官网为你的显卡安装最新的 Intel 显卡驱动程序，重启电脑，然后再检查一次。</translation>
        </message>
        <message>
            <source>Install Intel's GPU driver with its compute runtime (Level Zero), as Intel's guide for your Linux distribution describes, then check again.</source>
            <translation>请按照 Intel 针对你的 Linux 发行版的指南，安装 Intel 显卡驱动程序及其计算运行时（Level Zero），然后再检查一次。</translation>
        </message>
        <message>
            <source>The Intel GPU build (XPU) of PyTorch is installed, but it cannot reach the GPU.</source>
            <translation>已安装 PyTorch 的 Intel 显卡版本（XPU），但它无法访问显卡。</translation>
        </message>
        <message>
            <source>PyTorch {torch} can use the Mac's GPU (MPS) only on macOS {need} or newer; this Mac has macOS {have}.</source>
            <translation>PyTorch {torch} 只能在 macOS {need} 或更新版本上使用 Mac 的 GPU（MPS）；这台 Mac 的系统是 macOS {have}。</translation>
        </message>
        <message>
            <source>Update macOS (System Settings &gt; General &gt; Software Update).</source>
            <translation>请更新 macOS（系统设置 &gt; 通用 &gt; 软件更新）。</translation>
        </message>
        <message>
            <source>PyTorch cannot use the Mac's GPU (MPS).</source>
            <translation>PyTorch 无法使用 Mac 的 GPU（MPS）。</translation>
        </message>
        <message>
            <source>It needs macOS {need} or newer and a Python made for Apple Silicon (arm64), not one that runs through Rosetta.</source>
            <translation>它需要 macOS {need} 或更新版本，以及为 Apple 芯片（arm64）构建的 Python，而不是通过 Rosetta 运行的 Python。</translation>
        </message>
        <message>
            <source>PyTorch can use your {device}.</source>
            <translation>PyTorch 可以使用你的 {device}。</translation>
        </message>
        <message>
            <source>PyTorch can use your GPUs: {devices}.</source>
            <translation>PyTorch 可以使用你的显卡：{devices}。</translation>
        </message>
        <message>
            <source>PyTorch's own message: {error}</source>
            <translation>PyTorch 给出的信息：{error}</translation>
        </message>
        <message>
            <source>This PyTorch build ({build}) has no code for your {gpu} (compute capability {cc}), so PyTorch fails on it with "no kernel image is available".</source>
            <translation>这个 PyTorch 版本（{build}）不包含适用于你的 {gpu}（计算能力 {cc}）的代码，因此 PyTorch 在它上面运行时会报错“no kernel image is available”。</translation>
        </message>
        <message>
            <source>Install the {build} build instead: it has code for this GPU.</source>
            <translation>请改为安装 {build} 版本：它包含适用于这块显卡的代码。</translation>
        </message>
        <message>
            <source>No current PyTorch build supports this GPU; PyTorch can still run on the processor (CPU).</source>
            <translation>目前没有任何 PyTorch 版本支持这块显卡；PyTorch 仍然可以在处理器（CPU）上运行。</translation>
        </message>
        <message>
            <source>The CPU-only PyTorch ({torch}) was installed, although the {build} build was chosen, so PyTorch cannot use the GPU.</source>
            <translation>虽然选择的是 {build} 版本，但安装的却是仅支持 CPU 的 PyTorch（{torch}），所以 PyTorch 无法使用显卡。</translation>
        </message>
        <message>
            <source>A PyTorch build for another kind of GPU ({torch}) was installed, although the {build} build was chosen, so PyTorch cannot use the GPU.</source>
            <translation>虽然选择的是 {build} 版本，但安装的却是适用于另一类显卡的 PyTorch 版本（{torch}），所以 PyTorch 无法使用显卡。</translation>
        </message>
        <message>
            <source>This computer has: {gpus}.</source>
            <translation>这台电脑的显卡：{gpus}。</translation>
        </message>
        <message>
            <source>To fix it, install the {build} build over it (--force-reinstall replaces the installed packages): {command}</source>
            <translation>解决方法：在现有安装之上安装 {build} 版本（--force-reinstall 会替换已安装的软件包）：{command}</translation>
        </message>
        <message>
            <source>To fix it, choose the {build} build and install again.</source>
            <translation>解决方法：选择 {build} 版本并重新安装。</translation>
        </message>
        <message>
            <source>CUDA {cuda}</source>
            <translation>CUDA {cuda}</translation>
        </message>
        <message>
            <source>The NVIDIA GPU build of PyTorch ({build}) is installed, but it cannot use the GPU.</source>
            <translation>已安装 PyTorch 的 NVIDIA 显卡版本（{build}），但它无法使用显卡。</translation>
        </message>
        <message>
            <source>No NVIDIA driver is loaded. Install the NVIDIA driver for your graphics card (from NVIDIA's website or your system's driver manager), restart the computer, and check again.</source>
            <translation>没有加载 NVIDIA 驱动程序。请为你的显卡安装 NVIDIA 驱动程序（从 NVIDIA 官网或系统的驱动管理工具安装），重启电脑，然后再检查一次。</translation>
        </message>
        <message>
            <source>The NVIDIA driver is installed but not responding. Restart the computer; if that does not help, reinstall the NVIDIA driver. Then check again.</source>
            <translation>NVIDIA 驱动程序已安装但没有响应。请重启电脑；如果仍然不行，请重新安装 NVIDIA 驱动程序，然后再检查一次。</translation>
        </message>
        <message>
            <source>Your NVIDIA driver ({driver}) is too old for this build, which needs driver {need} or newer.</source>
            <translation>你的 NVIDIA 驱动程序（{driver}）对这个版本来说太旧了，它需要 {need} 或更新版本的驱动程序。</translation>
        </message>
        <message>
            <source>Your NVIDIA driver is too old for this build: it supports CUDA up to {have}; the build uses CUDA {cuda}.</source>
            <translation>你的 NVIDIA 驱动程序对这个版本来说太旧了：它最高只支持 CUDA {have}，而这个版本使用 CUDA {cuda}。</translation>
        </message>
        <message>
            <source>Your NVIDIA driver is too old for this build.</source>
            <translation>你的 NVIDIA 驱动程序对这个版本来说太旧了。</translation>
        </message>
        <message>
            <source>Update the NVIDIA driver to {need} or newer and restart.</source>
            <translation>请把 NVIDIA 驱动程序更新到 {need} 或更新版本，然后重启电脑。</translation>
        </message>
        <message>
            <source>the newest version</source>
            <translation>最新版本</translation>
        </message>
        <message>
            <source>Or install the {build} build, which works with your current driver.</source>
            <translation>或者安装 {build} 版本，它可以配合你现在的驱动程序使用。</translation>
        </message>
        <message>
            <source>The environment variable CUDA_VISIBLE_DEVICES is set to “{value}”, which hides every GPU from PyTorch. Remove it (or set it to 0) and check again.</source>
            <translation>环境变量 CUDA_VISIBLE_DEVICES 被设置为“{value}”，这会让 PyTorch 看不到任何显卡。请删除它（或把它设为 0），然后再检查一次。</translation>
        </message>
        <message>
            <source>The wizard found no NVIDIA GPU in this computer. The CPU-only build is a much smaller download and runs the same programs.</source>
            <translation>向导在这台电脑上没有找到 NVIDIA 显卡。仅支持 CPU 的版本下载量小得多，也能运行同样的程序。</translation>
        </message>
        <message>
            <source>Restart the computer and check again; if that does not help, update the NVIDIA driver. If the environment variable CUDA_VISIBLE_DEVICES is set, it may hide the GPU.</source>
            <translation>请重启电脑后再检查一次；如果仍然不行，请更新 NVIDIA 驱动程序。如果设置了环境变量 CUDA_VISIBLE_DEVICES，它可能会让显卡不可见。</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Something went wrong</source>
            <translation>出了点问题</translation>
        </message>
        <message>
            <source>The wizard hit an unexpected problem. Nothing you had was changed. Please copy the details below when you ask for help.</source>
            <translation>向导遇到了一个意外问题。你电脑上原有的东西都没有被改动。求助时，请复制下面的详细信息。</translation>
        </message>
        <message>
            <source>The wizard's log files are in {folder}</source>
            <translation>向导的日志文件位于 {folder}</translation>
        </message>
    </context>
    <context>
        <name>Builds</name>
        <message>
            <source>Linux (64-bit Intel/AMD processor)</source>
            <translation>Linux（64 位 Intel/AMD 处理器）</translation>
        </message>
        <message>
            <source>Linux on ARM</source>
            <translation>ARM 上的 Linux</translation>
        </message>
        <message>
            <source>Windows (64-bit)</source>
            <translation>Windows（64 位）</translation>
        </message>
        <message>
            <source>Windows on ARM</source>
            <translation>ARM 上的 Windows</translation>
        </message>
        <message>
            <source>Intel Macs</source>
            <translation>Intel 芯片的 Mac</translation>
        </message>
        <message>
            <source>Apple Silicon Macs</source>
            <translation>Apple 芯片的 Mac</translation>
        </message>
        <message>
            <source>Linux</source>
            <translation>Linux</translation>
        </message>
        <message>
            <source>Windows</source>
            <translation>Windows</translation>
        </message>
        <message>
            <source>macOS</source>
            <translation>macOS</translation>
        </message>
        <message>
            <source>Apple GPU (MPS)</source>
            <translation>Apple 显卡（MPS）</translation>
        </message>
        <message>
            <source>PyTorch has no packages for 32-bit Python or 32-bit systems; a 64-bit Python is needed.</source>
            <translation>PyTorch 没有适用于 32 位 Python 或 32 位系统的安装包，需要使用 64 位的 Python。</translation>
        </message>
        <message>
            <source>PyTorch {torch} has no packages for {platform}.</source>
            <translation>PyTorch {torch} 没有适用于 {platform} 的安装包。</translation>
        </message>
        <message>
            <source>PyTorch {torch} has no packages for the free-threaded Python {py}t.</source>
            <translation>PyTorch {torch} 没有适用于自由线程版 Python {py}t 的安装包。</translation>
        </message>
        <message>
            <source>PyTorch {torch} supports Python {low} to {high}; this Python is {py}.</source>
            <translation>PyTorch {torch} 支持 Python {low} 到 {high}，而这个 Python 是 {py}。</translation>
        </message>
        <message>
            <source>The MPS build is for Macs with Apple Silicon only.</source>
            <translation>MPS 版本只适用于 Apple 芯片的 Mac。</translation>
        </message>
        <message>
            <source>PyTorch {torch} has no {variant} build.</source>
            <translation>PyTorch {torch} 没有 {variant} 版本。</translation>
        </message>
        <message>
            <source>The {label} build is not made for {platform}.</source>
            <translation>{label} 版本不是为 {platform} 制作的。</translation>
        </message>
        <message>
            <source>The Intel GPU found ({gpu}) is not one the XPU build supports (it needs an Intel Arc GPU or Core Ultra graphics).</source>
            <translation>找到的 Intel 显卡（{gpu}）不受 XPU 版本支持（需要 Intel Arc 显卡或 Core Ultra 核显）。</translation>
        </message>
        <message>
            <source>No Intel GPU was found.</source>
            <translation>没有找到 Intel 显卡。</translation>
        </message>
        <message>
            <source>Unknown kind of build.</source>
            <translation>未知的版本类型。</translation>
        </message>
        <message>
            <source>The NVIDIA driver is not responding, so no NVIDIA GPU can be used.</source>
            <translation>NVIDIA 驱动程序没有响应，因此无法使用任何 NVIDIA 显卡。</translation>
        </message>
        <message>
            <source>No NVIDIA GPU was found (without one this build only adds a large download).</source>
            <translation>没有找到 NVIDIA 显卡（没有它的话，这个版本只会多下载一大堆文件）。</translation>
        </message>
        <message>
            <source>This build has no code for the {gpu} (compute capability {cc}).</source>
            <translation>这个版本不包含适用于 {gpu}（计算能力 {cc}）的代码。</translation>
        </message>
        <message>
            <source>It needs NVIDIA driver {need} or newer; this computer has {driver}.</source>
            <translation>它需要 NVIDIA 驱动程序 {need} 或更新版本，而这台电脑上的是 {driver}。</translation>
        </message>
        <message>
            <source>No AMD GPU was found.</source>
            <translation>没有找到 AMD 显卡。</translation>
        </message>
        <message>
            <source>The AMD GPU's model (its gfx name) could not be read, so the wizard cannot tell whether ROCm supports it.</source>
            <translation>无法读取 AMD 显卡的型号（它的 gfx 名称），因此向导无法判断 ROCm 是否支持它。</translation>
        </message>
        <message>
            <source>ROCm does not support this AMD GPU ({gfx}).</source>
            <translation>ROCm 不支持这块 AMD 显卡（{gfx}）。</translation>
        </message>
        <message>
            <source>PyTorch {torch} · {build}</source>
            <translation>PyTorch {torch} · {build}</translation>
        </message>
        <message>
            <source>This Python is a 32-bit program (or this is a 32-bit system). PyTorch only exists for 64-bit Python, so it cannot be installed here.</source>
            <translation>这个 Python 是 32 位程序（或者这是 32 位系统）。PyTorch 只有 64 位 Python 的版本，所以无法在这里安装。</translation>
        </message>
        <message>
            <source>Install the 64-bit Python from python.org (on Windows: the "Windows installer (64-bit)") and choose it in the wizard.</source>
            <translation>请从 python.org 安装 64 位的 Python（Windows 上选择“Windows installer (64-bit)”），然后在向导中选择它。</translation>
        </message>
        <message>
            <source>PyTorch has no packages for {platform}.</source>
            <translation>PyTorch 没有适用于 {platform} 的安装包。</translation>
        </message>
        <message>
            <source>Use PyTorch on another computer, or in a Linux environment (WSL) on this one.</source>
            <translation>请在另一台电脑上使用 PyTorch，或者在这台电脑的 Linux 环境（WSL）中使用。</translation>
        </message>
        <message>
            <source>PyTorch {newest} has no packages for {platform}; {torch} is the newest version that does.</source>
            <translation>PyTorch {newest} 没有适用于 {platform} 的安装包；{torch} 是仍然支持它的最新版本。</translation>
        </message>
        <message>
            <source>PyTorch {torch} is old: newer tutorials may use features it does not have.</source>
            <translation>PyTorch {torch} 版本较旧：较新的教程可能会用到它没有的功能。</translation>
        </message>
        <message>
            <source>For current PyTorch, use a Mac with Apple Silicon, a Linux or Windows PC, or an online notebook service such as Google Colab.</source>
            <translation>要使用最新的 PyTorch，请使用 Apple 芯片的 Mac、Linux 或 Windows 电脑，或者 Google Colab 这样的在线笔记本服务。</translation>
        </message>
        <message>
            <source>PyTorch {torch} needs a 64-bit Python {low} to {high}.</source>
            <translation>PyTorch {torch} 需要 64 位的 Python {low} 到 {high}。</translation>
        </message>
        <message>
            <source>PyTorch {torch} supports Python {py} only experimentally: some things may not work yet. Python {high} is the safer choice.</source>
            <translation>PyTorch {torch} 对 Python {py} 的支持还处于试验阶段：有些功能可能暂时无法正常使用。选择 Python {high} 更稳妥。</translation>
        </message>
        <message>
            <source>This is a free-threaded Python ({py}t). PyTorch supports it, but many other packages do not have builds for it yet; a regular Python is the safer choice for learning.</source>
            <translation>这是一个自由线程版 Python（{py}t）。PyTorch 支持它，但许多其他软件包还没有适用于它的版本；学习时选择普通 Python 更稳妥。</translation>
        </message>
        <message>
            <source>PyTorch {torch} was built for an older NumPy, so the wizard also installs: {pins}.</source>
            <translation>PyTorch {torch} 是为较旧的 NumPy 构建的，因此向导还会安装：{pins}。</translation>
        </message>
        <message>
            <source>PyTorch {torch} has no packages for the free-threaded Python {py}t (the "t" build without the global interpreter lock).</source>
            <translation>PyTorch {torch} 没有适用于自由线程版 Python {py}t（即去掉了全局解释器锁的“t”版本）的安装包。</translation>
        </message>
        <message>
            <source>Use a regular (not free-threaded) Python {low} to {high}; PyTorch {torch} also supports the free-threaded Python {ft}.</source>
            <translation>请使用普通（非自由线程版）的 Python {low} 到 {high}；PyTorch {torch} 也支持自由线程版 Python {ft}。</translation>
        </message>
        <message>
            <source>Use a regular (not free-threaded) Python {low} to {high}.</source>
            <translation>请使用普通（非自由线程版）的 Python {low} 到 {high}。</translation>
        </message>
        <message>
            <source>This Python ({py}) is too old for PyTorch {torch}, which needs Python {low} to {high}.</source>
            <translation>这个 Python（{py}）对 PyTorch {torch} 来说太旧了，它需要 Python {low} 到 {high}。</translation>
        </message>
        <message>
            <source>This Python ({py}) is too new for PyTorch {torch}, which supports Python {low} to {high}.</source>
            <translation>这个 Python（{py}）对 PyTorch {torch} 来说太新了，它支持 Python {low} 到 {high}。</translation>
        </message>
        <message>
            <source>PyTorch usually supports a new Python a few months after it comes out.</source>
            <translation>新版 Python 发布后，PyTorch 通常会在几个月后支持它。</translation>
        </message>
        <message>
            <source>Choose or install a Python {low} to {high} (64-bit); the wizard makes a new environment with it.</source>
            <translation>请选择或安装 Python {low} 到 {high}（64 位）；向导会用它创建一个新环境。</translation>
        </message>
        <message>
            <source>Or install the older PyTorch {torch}, which still supports this combination.</source>
            <translation>或者安装较旧的 PyTorch {torch}，它仍然支持这种组合。</translation>
        </message>
        <message>
            <source>The NVIDIA driver is installed but not responding, so the GPU cannot be used right now. The CPU build is chosen.</source>
            <translation>NVIDIA 驱动程序已安装但没有响应，因此目前无法使用显卡。已选择 CPU 版本。</translation>
        </message>
        <message>
            <source>Restart the computer (or reinstall the NVIDIA driver), then let the wizard check again to get the GPU build.</source>
            <translation>请重启电脑（或重新安装 NVIDIA 驱动程序），然后让向导再检查一次，以获取 GPU 版本。</translation>
        </message>
        <message>
            <source>This computer has an NVIDIA GPU, but no NVIDIA driver is installed, so PyTorch cannot use it. The CPU build is chosen.</source>
            <translation>这台电脑有 NVIDIA 显卡，但没有安装 NVIDIA 驱动程序，所以 PyTorch 无法使用它。已选择 CPU 版本。</translation>
        </message>
        <message>
            <source>Install the NVIDIA driver, then let the wizard check again.</source>
            <translation>请安装 NVIDIA 驱动程序，然后让向导再检查一次。</translation>
        </message>
        <message>
            <source>PyTorch cannot use NVIDIA (CUDA) or AMD (ROCm) graphics cards on macOS.</source>
            <translation>在 macOS 上，PyTorch 无法使用 NVIDIA（CUDA）或 AMD（ROCm）显卡。</translation>
        </message>
        <message>
            <source>PyTorch {torch} is the usual package (the one “pip install torch” gets), the same as for newer Macs; here it runs on the processor (CPU).</source>
            <translation>PyTorch {torch} 是普通的安装包（也就是“pip install torch”得到的那个），和较新的 Mac 用的一样；在这台 Mac 上它在处理器（CPU）上运行。</translation>
        </message>
        <message>
            <source>Intel Macs have no GPU support in PyTorch, so PyTorch runs on the processor (CPU).</source>
            <translation>Intel 芯片的 Mac 在 PyTorch 中没有显卡支持，因此 PyTorch 会在处理器（CPU）上运行。</translation>
        </message>
        <message>
            <source>Your {gpu} has compute capability (the GPU's generation) {cc}; the {build} build includes code for it.</source>
            <translation>你的 {gpu} 计算能力（即显卡的代数）为 {cc}；{build} 版本包含适用于它的代码。</translation>
        </message>
        <message>
            <source>Your {gpu} can be used by the {build} build.</source>
            <translation>{build} 版本可以使用你的 {gpu}。</translation>
        </message>
        <message>
            <source>PyTorch can use your NVIDIA GPU through CUDA (NVIDIA's system for running programs on the GPU); the {build} build was chosen.</source>
            <translation>PyTorch 可以通过 CUDA（NVIDIA 用来在显卡上运行程序的系统）使用你的 NVIDIA 显卡；已选择 {build} 版本。</translation>
        </message>
        <message>
            <source>The {gpu} is newer than the GPUs this build was compiled for; PyTorch will translate its code for it (PTX), so the first run of each operation is slow.</source>
            <translation>{gpu} 比这个版本编译时针对的显卡更新；PyTorch 会为它转换代码（PTX），所以每种运算第一次运行时会比较慢。</translation>
        </message>
        <message>
            <source>The GPU's generation (compute capability) could not be read, so the wizard cannot be sure this build has code for it.</source>
            <translation>无法读取显卡的代数（计算能力），因此向导无法确定这个版本是否包含适用于它的代码。</translation>
        </message>
        <message>
            <source>Your NVIDIA driver {driver} is new enough for it (it needs {need} or newer).</source>
            <translation>你的 NVIDIA 驱动程序 {driver} 足够新，可以使用它（需要 {need} 或更新版本）。</translation>
        </message>
        <message>
            <source>The NVIDIA driver version is unknown; this build needs driver {need} or newer.</source>
            <translation>NVIDIA 驱动程序版本未知；这个版本需要驱动程序 {need} 或更新版本。</translation>
        </message>
        <message>
            <source>No single build supports all your NVIDIA GPUs: PyTorch will not be able to use the {gpu} (compute capability {cc}) with this build.</source>
            <translation>没有一个版本能支持你所有的 NVIDIA 显卡：使用这个版本时，PyTorch 将无法使用 {gpu}（计算能力 {cc}）。</translation>
        </message>
        <message>
            <source>This build supports all {n} of your NVIDIA GPUs.</source>
            <translation>这个版本支持你全部 {n} 块 NVIDIA 显卡。</translation>
        </message>
        <message>
            <source>The newest PyTorch ({newest}) has no build for this GPU that works with your driver {driver}; PyTorch {torch} still has one ({build}).</source>
            <translation>最新的 PyTorch（{newest}）没有能在你的驱动程序 {driver} 下使用这块显卡的版本；PyTorch {torch} 仍然有（{build}）。</translation>
        </message>
        <message>
            <source>Update the NVIDIA driver to {need} or newer to use the newest PyTorch {newest} ({build}).</source>
            <translation>请把 NVIDIA 驱动程序更新到 {need} 或更新版本，以使用最新的 PyTorch {newest}（{build}）。</translation>
        </message>
        <message>
            <source>Update the NVIDIA driver to {need} or newer to use the newest build (CUDA {cuda}).</source>
            <translation>请把 NVIDIA 驱动程序更新到 {need} 或更新版本，以使用最新的版本（CUDA {cuda}）。</translation>
        </message>
        <message>
            <source>The {build} build would use the {gpu} instead.</source>
            <translation>{build} 版本会改用 {gpu}。</translation>
        </message>
        <message>
            <source>The CPU-only build is a much smaller download ({mb} MB) but does not use the GPU.</source>
            <translation>仅 CPU 版本的下载量小得多（{mb} MB），但不会使用显卡。</translation>
        </message>
        <message>
            <source>Your {gpu} (compute capability {cc}) is too old for the current PyTorch GPU builds, so PyTorch will run on the processor (CPU).</source>
            <translation>你的 {gpu}（计算能力 {cc}）对当前的 PyTorch GPU 版本来说太旧了，因此 PyTorch 会在处理器（CPU）上运行。</translation>
        </message>
        <message>
            <source>On {platform}, a plain “pip install torch” would download the {build} build (about {mb} MB, mostly NVIDIA files that are no use without an NVIDIA GPU). The wizard gets the much smaller CPU-only build from PyTorch's own download server instead.</source>
            <translation>在 {platform} 上，直接用“pip install torch”会下载 {build} 版本（约 {mb} MB，大部分是没有 NVIDIA 显卡就用不上的 NVIDIA 文件）。所以向导改为从 PyTorch 自己的下载服务器获取小得多的仅 CPU 版本。</translation>
        </message>
        <message>
            <source>On {platform}, a plain “pip install torch” also gets the CPU-only build; the wizard still gets it from PyTorch's own download server, so that you get exactly this build.</source>
            <translation>在 {platform} 上，直接用“pip install torch”得到的也是仅 CPU 版本；向导仍然从 PyTorch 自己的下载服务器获取它，确保你装上的正是这个版本。</translation>
        </message>
        <message>
            <source>This is the last PyTorch release for your GPU: PyTorch {torch} is the newest version with code for the {gpu} (compute capability {cc}); PyTorch {newest} and later support only newer GPUs. It keeps working, but will not get new features.</source>
            <translation>这是支持你的显卡的最后一个 PyTorch 版本：PyTorch {torch} 是带有 {gpu}（计算能力 {cc}）所需代码的最新版本；PyTorch {newest} 及以后的版本只支持更新的显卡。它仍然可以正常使用，只是不会再有新功能。</translation>
        </message>
        <message>
            <source>This is the last PyTorch release for Python {py}: PyTorch {torch} is the newest version for it; PyTorch {newest} needs a newer Python.</source>
            <translation>这是支持 Python {py} 的最后一个 PyTorch 版本：PyTorch {torch} 是支持它的最新版本；PyTorch {newest} 需要更新的 Python。</translation>
        </message>
        <message>
            <source>To get the newest PyTorch {newest}, choose a Python {low} to {high} instead.</source>
            <translation>想用最新的 PyTorch {newest}，请改选 Python {low} 到 {high}。</translation>
        </message>
        <message>
            <source>The wizard could not read the list of versions from the PyTorch download server, so it used its own list (from {updated}). The list of versions may be out of date.</source>
            <translation>向导没能从 PyTorch 下载服务器读取版本列表，所以用了自带的列表（{updated} 的）。这个版本列表可能已经过时。</translation>
        </message>
        <message>
            <source>This is an NVIDIA Jetson board. PyTorch's own packages for ARM computers are made for servers, not for Jetson, so their GPU builds cannot use its GPU. The wizard does not install them here.</source>
            <translation>这是一块 NVIDIA Jetson 开发板。PyTorch 官方为 ARM 电脑做的安装包是给服务器用的，不是给 Jetson 的，它们的 GPU 版本用不了这块板子的 GPU。向导不会在这里安装它们。</translation>
        </message>
        <message>
            <source>Install PyTorch for Jetson from NVIDIA: NVIDIA publishes builds for each JetPack version (see “NVIDIA Jetson Platforms” in PyTorch's README).</source>
            <translation>请从 NVIDIA 安装 Jetson 版的 PyTorch：NVIDIA 为每个 JetPack 版本都发布了对应的版本（见 PyTorch README 中的“NVIDIA Jetson Platforms”）。</translation>
        </message>
        <message>
            <source>PyTorch {torch} needs macOS {need} or newer; this Mac has macOS {have}.</source>
            <translation>PyTorch {torch} 需要 macOS {need} 或更新的系统；这台 Mac 是 macOS {have}。</translation>
        </message>
        <message>
            <source>PyTorch {newest} needs macOS {need} or newer, and this Mac has macOS {have}; PyTorch {torch} is the newest version that installs on it.</source>
            <translation>PyTorch {newest} 需要 macOS {need} 或更新的系统，而这台 Mac 是 macOS {have}；能装在它上面的最新版本是 PyTorch {torch}。</translation>
        </message>
        <message>
            <source>Update macOS to {need} or newer to get the newest PyTorch and use the Mac's GPU (MPS).</source>
            <translation>把 macOS 升级到 {need} 或更新的版本，就能用最新的 PyTorch，也能用上 Mac 的 GPU（MPS）。</translation>
        </message>
        <message>
            <source>PyTorch can use the Mac's GPU (MPS) only on macOS {need} or newer; this Mac has macOS {have}, so PyTorch runs on the processor (CPU).</source>
            <translation>只有在 macOS {need} 或更新的系统上，PyTorch 才能使用 Mac 的 GPU（MPS）；这台 Mac 是 macOS {have}，所以 PyTorch 会在处理器（CPU）上运行。</translation>
        </message>
        <message>
            <source>PyTorch {torch} has no {build} package for Python {py}; it has Python {pythons}.</source>
            <translation>PyTorch {torch} 没有适用于 Python {py} 的 {build} 安装包；它有适用于 Python {pythons} 的。</translation>
        </message>
        <message>
            <source>Your {gpu} ({family}) is not one of the Intel GPUs that PyTorch's XPU build supports, so PyTorch runs on the processor (CPU).</source>
            <translation>你的 {gpu}（{family}）不在 PyTorch XPU 版本支持的 Intel 显卡之列，所以 PyTorch 会在处理器（CPU）上运行。</translation>
        </message>
        <message>
            <source>AMD publishes its own PyTorch packages for Windows for some Radeon cards (RDNA3 and RDNA4, Python 3.12; see AMD's “PyTorch via PIP” page). The wizard does not install those.</source>
            <translation>AMD 自己为部分 Radeon 显卡发布了 Windows 版的 PyTorch 安装包（RDNA3 和 RDNA4，Python 3.12；见 AMD 的“PyTorch via PIP”页面）。向导不会安装这些包。</translation>
        </message>
        <message>
            <source>PyTorch {newest} has no AMD ROCm build in the wizard's list, so PyTorch {torch} is chosen.</source>
            <translation>在向导的列表里，PyTorch {newest} 没有 AMD ROCm 版本，所以选择了 PyTorch {torch}。</translation>
        </message>
        <message>
            <source>PyTorch {torch} with the {build} build would use the {gpu} instead.</source>
            <translation>如果改用 PyTorch {torch} 的 {build} 版本，就会使用 {gpu}。</translation>
        </message>
        <message>
            <source>Your NVIDIA driver {driver} is too old for any current PyTorch GPU build, so the CPU build is chosen for now. Update the driver to {need} or newer.</source>
            <translation>你的 NVIDIA 驱动 {driver} 太旧了，现在的 PyTorch GPU 版本都用不了，所以暂时选择 CPU 版本。请把驱动更新到 {need} 或更新的版本。</translation>
        </message>
        <message>
            <source>Without updating the driver: the older PyTorch {torch} (CUDA {cuda}) still works with drivers from {need}; choose it in the list of builds.</source>
            <translation>如果不更新驱动：较旧的 PyTorch {torch}（CUDA {cuda}）仍能在 {need} 及以上的驱动上运行；可以在版本列表里选择它。</translation>
        </message>
        <message>
            <source>Update the NVIDIA driver to {need} or newer to use the GPU ({build}), then let the wizard check again.</source>
            <translation>请把 NVIDIA 驱动程序更新到 {need} 或更新版本以使用显卡（{build}），然后让向导再检查一次。</translation>
        </message>
        <message>
            <source>This Mac has Apple Silicon. The usual PyTorch package (the one “pip install torch” gets) includes MPS (Metal Performance Shaders), which lets PyTorch use the Mac's GPU.</source>
            <translation>这台 Mac 使用 Apple 芯片。普通的 PyTorch 安装包（也就是“pip install torch”得到的那个）自带 MPS（Metal Performance Shaders），可以让 PyTorch 使用 Mac 的显卡。</translation>
        </message>
        <message>
            <source>PyTorch's builds for AMD GPUs (ROCm) are made for Linux only, so on {os} PyTorch cannot use the {gpu}. The CPU build is chosen.</source>
            <translation>PyTorch 针对 AMD 显卡的版本（ROCm）只适用于 Linux，所以在 {os} 上 PyTorch 无法使用 {gpu}。已选择 CPU 版本。</translation>
        </message>
        <message>
            <source>To use the AMD GPU, run PyTorch on Linux (installed alongside {os}), where ROCm builds exist.</source>
            <translation>要使用 AMD 显卡，请在 Linux 上运行 PyTorch（与 {os} 一起安装），那里有 ROCm 版本。</translation>
        </message>
        <message>
            <source>{why} The CPU build is chosen.</source>
            <translation>{why}已选择 CPU 版本。</translation>
        </message>
        <message>
            <source>Some AMD GPUs that ROCm does not list work anyway when the environment variable HSA_OVERRIDE_GFX_VERSION is set; AMD does not support this, so it is for experienced users.</source>
            <translation>有些 ROCm 没有列出的 AMD 显卡，在设置环境变量 HSA_OVERRIDE_GFX_VERSION 后也能使用；但 AMD 并不支持这种做法，所以只适合有经验的用户。</translation>
        </message>
        <message>
            <source>PyTorch can use your AMD GPU ({gpu}) through ROCm (AMD's system for running programs on the GPU); the {build} build was chosen.</source>
            <translation>PyTorch 可以通过 ROCm（AMD 用来在显卡上运行程序的系统）使用你的 AMD 显卡（{gpu}）；已选择 {build} 版本。</translation>
        </message>
        <message>
            <source>ROCm builds use PyTorch's "cuda" device name, so programs written for NVIDIA GPUs work unchanged.</source>
            <translation>ROCm 版本沿用 PyTorch 的 "cuda" 设备名称，所以为 NVIDIA 显卡编写的程序无需修改就能运行。</translation>
        </message>
        <message>
            <source>ROCm does not support the {gpu} ({gfx}); if PyTorch has trouble, hide it with HIP_VISIBLE_DEVICES.</source>
            <translation>ROCm 不支持 {gpu}（{gfx}）；如果 PyTorch 运行出现问题，可以用 HIP_VISIBLE_DEVICES 把它隐藏起来。</translation>
        </message>
        <message>
            <source>PyTorch can use your Intel GPU ({gpu}) through its XPU build; the demo uses the "xpu" device.</source>
            <translation>PyTorch 可以通过 XPU 版本使用你的 Intel 显卡（{gpu}）；演示程序使用 "xpu" 设备。</translation>
        </message>
        <message>
            <source>If your Intel GPU is an Arc model, you can try the Intel GPU (XPU) build from the list of builds.</source>
            <translation>如果你的 Intel 显卡是 Arc 系列，可以在版本列表中试试 Intel 显卡（XPU）版本。</translation>
        </message>
        <message>
            <source>No GPU that PyTorch can use was found, so the CPU-only build is chosen. It runs everything in the tutorials, just more slowly than a GPU.</source>
            <translation>没有找到 PyTorch 能使用的显卡，所以选择了仅 CPU 版本。它能运行教程里的所有内容，只是比用显卡慢一些。</translation>
        </message>
        <message>
            <source>The CPU-only build is chosen.</source>
            <translation>已选择仅 CPU 版本。</translation>
        </message>
        <message>
            <source>Machine: {os} {arch}, Python {py} ({bits}-bit)</source>
            <translation>本机：{os} {arch}，Python {py}（{bits} 位）</translation>
        </message>
        <message>
            <source>Note:</source>
            <translation>注意：</translation>
        </message>
        <message>
            <source>Versions: from the index {url} (read {when})</source>
            <translation>版本列表：来自索引 {url}（读取于 {when}）</translation>
        </message>
        <message>
            <source>Versions: the wizard's own list ({why})</source>
            <translation>版本列表：向导自带的列表（{why}）</translation>
        </message>
        <message>
            <source>No PyTorch build can be installed on this machine as it is.</source>
            <translation>这台电脑在当前状态下无法安装任何 PyTorch 版本。</translation>
        </message>
        <message>
            <source>Recommended: torch {torch} ({variant}), device "{device}"</source>
            <translation>推荐：torch {torch}（{variant}），设备 "{device}"</translation>
        </message>
        <message>
            <source>Index: {url}</source>
            <translation>索引：{url}</translation>
        </message>
        <message>
            <source>Download: about {mb} MB</source>
            <translation>下载大小：约 {mb} MB</translation>
        </message>
        <message>
            <source>Why:</source>
            <translation>原因：</translation>
        </message>
        <message>
            <source>Warnings:</source>
            <translation>警告：</translation>
        </message>
        <message>
            <source>Alternatives:</source>
            <translation>其他选择：</translation>
        </message>
        <message>
            <source>CPU only</source>
            <translation>仅 CPU</translation>
        </message>
        <message>
            <source>Intel GPU (XPU)</source>
            <translation>Intel 显卡（XPU）</translation>
        </message>
        <message>
            <source>NVIDIA CUDA {version}</source>
            <translation>NVIDIA 显卡（CUDA {version}）</translation>
        </message>
        <message>
            <source>AMD ROCm {version}</source>
            <translation>AMD 显卡（ROCm {version}）</translation>
        </message>
    </context>
    <context>
        <name>Conda</name>
        <message>
            <source>{program} did not answer as expected (exit code {code}). {detail}</source>
            <extracomment>Steps whose output is conda's ``--json`` stream: feed it to :class:`CondaProgress`. Rough size of a new conda-forge env with Python and pip (the download on top of PyTorch).</extracomment>
            <translation>{program} 没有按预期响应（退出代码 {code}）。{detail}</translation>
        </message>
        <message>
            <source>{program} did not answer within {seconds} seconds.</source>
            <translation>{program} 在 {seconds} 秒内没有响应。</translation>
        </message>
        <message>
            <source>{program} could not be started: {error}</source>
            <translation>无法启动 {program}：{error}</translation>
        </message>
        <message>
            <source>{program} printed endless output instead of answering.</source>
            <translation>{program} 一直在输出内容，没有正常回答。</translation>
        </message>
        <message>
            <source>Type a name for the new environment.</source>
            <translation>请为新环境输入一个名称。</translation>
        </message>
        <message>
            <source>Use only letters (A-Z), digits, - and _ in the name: no spaces, dots or accented letters.</source>
            <translation>名称中只能使用字母（A-Z）、数字、- 和 _：不能有空格、点号或带重音符号的字母。</translation>
        </message>
        <message>
            <source>The name cannot start with -.</source>
            <translation>名称不能以 - 开头。</translation>
        </message>
        <message>
            <source>“{name}” is conda's own main environment. Choose another name.</source>
            <translation>“{name}”是 conda 自己的主环境。请换一个名称。</translation>
        </message>
        <message>
            <source>An environment called “{name}” already exists. Choose another name: the wizard never replaces an environment.</source>
            <translation>已经有一个名为“{name}”的环境。请换一个名称：向导绝不会替换已有的环境。</translation>
        </message>
        <message>
            <source>conda-forge's PyTorch for the processor (pytorch-cpu): every package from conda-forge, a larger download than the one from PyTorch's own download server.</source>
            <translation>conda-forge 提供的处理器（CPU）版 PyTorch（pytorch-cpu）：所有软件包都来自 conda-forge，下载量比从 PyTorch 自己的下载服务器下载的版本更大。</translation>
        </message>
        <message>
            <source>pip puts PyTorch into the new conda environment, as a plain “pip install torch” does: on a Mac that is the build that uses the Apple GPU (MPS), and the smallest download.</source>
            <translation>pip 像直接用“pip install torch”那样，把 PyTorch 装进新的 conda 环境：在 Mac 上得到的就是能使用 Apple 显卡（MPS）的版本，下载量也最小。</translation>
        </message>
        <message>
            <source>pip puts PyTorch's CPU-only build into the new conda environment, from PyTorch's own download server: it has no files for a GPU, so it is the smallest download.</source>
            <translation>pip 从 PyTorch 自己的下载服务器，把仅 CPU 版本的 PyTorch 装进新的 conda 环境：它不带显卡用的文件，所以下载量最小。</translation>
        </message>
        <message>
            <source>pip puts PyTorch into the new conda environment, from PyTorch's own download server: this build is only there, not on conda-forge.</source>
            <translation>pip 从 PyTorch 自己的下载服务器，把 PyTorch 装进新的 conda 环境：这个版本只有那里有，conda-forge 上没有。</translation>
        </message>
        <message>
            <source>pip puts PyTorch into the new conda environment, from PyTorch's own download server, as PyTorch recommends: the wizard checked that your driver and GPU work with exactly this build. The CUDA libraries come with it.</source>
            <translation>按照 PyTorch 的推荐，pip 从 PyTorch 自己的下载服务器，把 PyTorch 装进新的 conda 环境：向导已经确认你的驱动程序和显卡能用的正是这个版本。CUDA 库会一起装上。</translation>
        </message>
        <message>
            <source>conda-forge's pytorch-gpu: PyTorch and the CUDA {cuda} libraries, all from conda-forge. conda-forge builds it for its own list of GPUs, which the wizard cannot check.</source>
            <translation>conda-forge 提供的 pytorch-gpu：PyTorch 和 CUDA {cuda} 库全部来自 conda-forge。conda-forge 按它自己的显卡列表构建这个版本，向导无法检查你的显卡是否在其中。</translation>
        </message>
    </context>
    <context>
        <name>CopyableText</name>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
    </context>
    <context>
        <name>DemoLesson</name>
        <message>
            <source>where the numbers live: "cpu", "cuda", "mps" or "xpu"</source>
            <translation>数字存放和计算的地方："cpu"、"cuda"、"mps" 或 "xpu"</translation>
        </message>
        <message>
            <source>the same "random" numbers every time</source>
            <translation>每次都得到同样的“随机”数</translation>
        </message>
        <message>
            <source>points near the line y = 2x + 1</source>
            <translation>靠近直线 y = 2x + 1 的点</translation>
        </message>
        <message>
            <source>computes w * x + b; w and b start random</source>
            <translation>计算 w * x + b；w 和 b 一开始是随机数</translation>
        </message>
        <message>
            <source>how wrong the model is: the mean of the squared errors</source>
            <translation>模型错了多少：误差平方的平均值</translation>
        </message>
        <message>
            <source>lr: how big each correction is</source>
            <translation>lr：每次修正的幅度有多大</translation>
        </message>
        <message>
            <source>work out how to change w and b to make the loss smaller</source>
            <translation>算出该怎样改 w 和 b，才能让损失变小</translation>
        </message>
        <message>
            <source>change w and b a little in that direction</source>
            <translation>把 w 和 b 朝这个方向改一点点</translation>
        </message>
        <message>
            <source>forget this step's gradients before the next one</source>
            <translation>在下一步之前，清掉这一步的梯度</translation>
        </message>
        <message>
            <source>keep the window open when the file was started by a double-click</source>
            <translation>双击运行这个文件时，让窗口保持打开</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>设备</translation>
        </message>
        <message>
            <source>Where the numbers live and are computed: the CPU, or a GPU that does thousands of sums at once.</source>
            <translation>数字存放和计算的地方：CPU，或者能同时做成千上万次加法的 GPU。</translation>
        </message>
        <message>
            <source>Tensor</source>
            <translation>张量</translation>
        </message>
        <message>
            <source>A list (or table) of numbers that PyTorch computes with, here three numbers.</source>
            <translation>PyTorch 用来计算的一串（或一张表格的）数字，这里是三个数。</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>数据</translation>
        </message>
        <message>
            <source>100 points near the line y = 2x + 1. The model is not told the line: it must find it.</source>
            <translation>靠近直线 y = 2x + 1 的 100 个点。模型并不知道这条直线，它必须自己找出来。</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>A tiny model that computes w × x + b. Training finds good numbers for w and b.</source>
            <translation>一个很小的模型，计算 w × x + b。训练就是为 w 和 b 找到合适的数。</translation>
        </message>
        <message>
            <source>Loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <source>One number that says how wrong the model is. Training makes it smaller.</source>
            <translation>一个数字，表示模型错了多少。训练会让它变小。</translation>
        </message>
        <message>
            <source>backward()</source>
            <translation>backward()</translation>
        </message>
        <message>
            <source>Works out which way to change w and b so that the loss gets smaller (the gradient).</source>
            <translation>算出 w 和 b 应该往哪个方向改，损失才会变小（这就是梯度）。</translation>
        </message>
        <message>
            <source>Optimizer step</source>
            <translation>优化器走一步</translation>
        </message>
        <message>
            <source>Changes w and b a little in that direction.</source>
            <translation>把 w 和 b 朝这个方向改一点点。</translation>
        </message>
        <message>
            <source>zero_grad()</source>
            <translation>zero_grad()</translation>
        </message>
        <message>
            <source>Clears the gradients, or the next backward() would add to the old ones.</source>
            <translation>清掉梯度，否则下一次 backward() 会把新梯度加到旧的上面。</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>训练</translation>
        </message>
        <message>
            <source>The same step 100 times. The curve shows the loss after each step.</source>
            <translation>把同样的一步重复 100 次。曲线显示每一步之后的损失。</translation>
        </message>
        <message>
            <source>CPU or GPU?</source>
            <translation>CPU 还是 GPU？</translation>
        </message>
        <message>
            <source>The same big multiplication (2048 × 2048 numbers), timed on the CPU and on the GPU.</source>
            <translation>同一个很大的乘法（2048 × 2048 个数），分别在 CPU 和 GPU 上计时。</translation>
        </message>
    </context>
    <context>
        <name>DemoPage</name>
        <message>
            <source>Your first PyTorch program</source>
            <translation>你的第一个 PyTorch 程序</translation>
        </message>
        <message>
            <source>Run on:</source>
            <translation>运行设备：</translation>
        </message>
        <message>
            <source>Run again</source>
            <translation>再运行一次</translation>
        </message>
        <message>
            <source>This code ran in your new environment: it adds numbers, then trains a tiny model. Read it from top to bottom; each part is explained in plain words.</source>
            <translation>这段代码刚刚在你的新环境里运行过：先把数字相加，再训练一个很小的模型。请从上往下读，每一部分都有简单的说明。</translation>
        </message>
        <message>
            <source>The code that ran (lines that only send results to this window are left out):</source>
            <translation>运行过的代码（只用来把结果发给这个窗口的几行没有显示）：</translation>
        </message>
        <message>
            <source>What it printed:</source>
            <translation>输出结果：</translation>
        </message>
        <message>
            <source>Training… step {step} of {total}</source>
            <translation>正在训练…第 {step} 步，共 {total} 步</translation>
        </message>
        <message>
            <source>Running…</source>
            <translation>正在运行…</translation>
        </message>
        <message>
            <source>It works!</source>
            <translation>运行成功！</translation>
        </message>
        <message>
            <source>x + y = {z} (on {device})</source>
            <translation>x + y = {z}（运行于 {device}）</translation>
        </message>
        <message>
            <source>After {steps} training steps the model found the line y = {w:.2f}x + {b:.2f} (the points were made from y = {tw:g}x + {tb:g}). The loss went from {first:.3f} to {last:.3f}.</source>
            <translation>训练 {steps} 步之后，模型找到了直线 y = {w:.2f}x + {b:.2f}（这些点是按 y = {tw:g}x + {tb:g} 生成的）。损失从 {first:.3f} 降到了 {last:.3f}。</translation>
        </message>
        <message>
            <source>Loss after the forward pass: {loss:.4f}; after one training step: {after:.4f}.</source>
            <translation>第一次计算后的损失：{loss:.4f}；训练一步之后：{after:.4f}。</translation>
        </message>
        <message>
            <source>Your GPU did this {ratio} faster than the CPU (the same multiplication of 2048 × 2048 numbers).</source>
            <translation>你的 GPU 做这件事比 CPU 快 {ratio}（同样是 2048 × 2048 个数的乘法）。</translation>
        </message>
        <message>
            <source>Here the GPU was about as fast as the CPU ({ratio}). A GPU pays off when the work is big.</source>
            <translation>这一次 GPU 和 CPU 差不多快（{ratio}）。计算量大的时候，GPU 才能显出优势。</translation>
        </message>
        <message>
            <source>Here the CPU was faster than the GPU ({ratio} of the CPU's speed). A GPU pays off when the work is big.</source>
            <translation>这一次 CPU 比 GPU 还快（GPU 的速度只有 CPU 的 {ratio}）。计算量大的时候，GPU 才能显出优势。</translation>
        </message>
        <message>
            <source>The loss became “not a number” (NaN) or infinite at step {step}: the numbers blew up, so the training failed.</source>
            <translation>在第 {step} 步，损失变成了“不是数字”（NaN）或无穷大：数字失控了，所以这次训练失败了。</translation>
        </message>
        <message>
            <source>Run it again on the CPU. If it happens there too, save a report and ask for help.</source>
            <translation>请改用 CPU 再运行一次。如果还是这样，请保存报告并向别人求助。</translation>
        </message>
        <message>
            <source>Training did not make the loss smaller (it went from {first:.4f} to {last:.4f}), so the model learned nothing.</source>
            <translation>训练没有让损失变小（从 {first:.4f} 变成 {last:.4f}），所以模型什么也没学到。</translation>
        </message>
        <message>
            <source>Run it again. If it happens again, save a report and ask for help.</source>
            <translation>请再运行一次。如果还是这样，请保存报告并向别人求助。</translation>
        </message>
        <message>
            <source>The numbers were computed on {got}, not on {wanted} as asked.</source>
            <translation>这些数字是在 {got} 上算的，而不是按要求在 {wanted} 上。</translation>
        </message>
        <message>
            <source>It took too long and was stopped.</source>
            <translation>运行时间太长，已被停止。</translation>
        </message>
        <message>
            <source>It stopped before the end.</source>
            <translation>它没有运行到最后就停下了。</translation>
        </message>
        <message>
            <source>The example did not finish.</source>
            <translation>示例没有运行完成。</translation>
        </message>
        <message>
            <source>Try running it on the CPU, or go back and check the install.</source>
            <translation>可以试试改用处理器（CPU）运行，或者返回上一步检查安装情况。</translation>
        </message>
    </context>
    <context>
        <name>Diagnosis</name>
        <message>
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Retry and wait longer</source>
            <translation>重试并延长等待时间</translation>
        </message>
        <message>
            <source>Install from a folder…</source>
            <translation>从文件夹安装…</translation>
        </message>
        <message>
            <source>Set a proxy…</source>
            <translation>设置代理…</translation>
        </message>
        <message>
            <source>Choose another build</source>
            <translation>选择其他版本</translation>
        </message>
        <message>
            <source>Free up space…</source>
            <translation>释放空间…</translation>
        </message>
        <message>
            <source>Open the driver download page</source>
            <translation>打开驱动程序下载页面</translation>
        </message>
        <message>
            <source>Copy report</source>
            <translation>复制报告</translation>
        </message>
        <message>
            <source>Get the Visual C++ Redistributable</source>
            <translation>获取 Visual C++ 运行库（Redistributable）</translation>
        </message>
        <message>
            <source>Choose another Python</source>
            <translation>选择其他 Python</translation>
        </message>
        <message>
            <source>Get Python for Apple Silicon</source>
            <translation>获取适用于 Apple 芯片的 Python</translation>
        </message>
        <message>
            <source>Open the virtual memory settings</source>
            <translation>打开虚拟内存设置</translation>
        </message>
        <message>
            <source>Change the address</source>
            <translation>修改地址</translation>
        </message>
        <message>
            <source>Choose another folder</source>
            <translation>选择其他文件夹</translation>
        </message>
        <message>
            <source>No internet connection</source>
            <translation>没有网络连接</translation>
        </message>
        <message>
            <source>The download could not start because this computer seems to be offline, or the download server could not be reached. Check the internet connection and press Retry, or install from a folder of wheel files (for example from a USB stick). At school or work, a proxy may be needed.</source>
            <translation>下载无法开始：这台电脑似乎没有联网，或者连不上下载服务器。请检查网络连接后点“重试”，或者从存放 wheel 文件的文件夹安装（比如从 U 盘）。在学校或公司里，可能需要设置代理。</translation>
        </message>
        <message>
            <source>The download server stopped answering</source>
            <translation>下载服务器没有响应</translation>
        </message>
        <message>
            <source>The connection is too slow or the server did not answer in time. Press “Retry and wait longer”; it often works on the second try. On a very slow connection you can install from a folder of wheel files instead.</source>
            <translation>网络太慢，或者服务器没有及时响应。请点“重试并延长等待时间”，第二次往往就能成功。如果网速非常慢，也可以改为从存放 wheel 文件的文件夹安装。</translation>
        </message>
        <message>
            <source>The download broke off</source>
            <translation>下载中断了</translation>
        </message>
        <message>
            <source>The connection was cut while PyTorch was downloading. PyTorch is a large download (up to a few gigabytes), so an unsteady connection can break it. Press Retry; a cable or a steadier Wi-Fi helps. You can also install from a folder of wheel files.</source>
            <translation>下载 PyTorch 时网络连接断开了。PyTorch 的下载量很大（最多可达几 GB），网络不稳定就容易中断。请点“重试”；改用网线或更稳定的 Wi-Fi 会有帮助。你也可以从存放 wheel 文件的文件夹安装。</translation>
        </message>
        <message>
            <source>The proxy did not let the download through</source>
            <translation>代理服务器阻止了下载</translation>
        </message>
        <message>
            <source>This network sends internet traffic through a proxy server, and the proxy refused the connection or asked for a password. Ask the person who runs the network (at school or work) for the proxy address, enter it with “Set a proxy”, and press Retry.</source>
            <translation>这个网络通过代理服务器上网，而代理拒绝了连接，或者要求输入密码。请向网络管理员（学校或公司负责网络的人）要代理地址，用“设置代理”填进去，然后点“重试”。</translation>
        </message>
        <message>
            <source>The secure connection could not be checked</source>
            <translation>无法验证安全连接</translation>
        </message>
        <message>
            <source>The download server's certificate could not be verified. This usually happens when an antivirus program or a school or company firewall inspects secure connections, or when the computer's date and time are wrong. Check the date and time, then press Retry. If it keeps failing, ask the network's administrator, or install from a folder of wheel files.</source>
            <translation>无法验证下载服务器的证书。这通常是因为杀毒软件或者学校、公司的防火墙在检查安全连接，也可能是电脑的日期和时间不对。请检查日期和时间，然后点“重试”。如果仍然失败，请询问网络管理员，或者从存放 wheel 文件的文件夹安装。</translation>
        </message>
        <message>
            <source>The download server refused the request</source>
            <translation>下载服务器拒绝了请求</translation>
        </message>
        <message>
            <source>The server answered with an error (for example “403 Forbidden”, “404 Not Found” or a server error). The server may be busy, or the address of a mirror may be wrong. Wait a few minutes and press Retry. If it keeps failing, copy the report and ask for help.</source>
            <translation>服务器返回了错误（例如“403 Forbidden”、“404 Not Found”或服务器内部错误）。可能是服务器太忙，也可能是镜像源的地址写错了。请等几分钟再点“重试”。如果仍然失败，请复制报告并向他人求助。</translation>
        </message>
        <message>
            <source>No PyTorch package fits this computer</source>
            <translation>没有适合这台电脑的 PyTorch 安装包</translation>
        </message>
        <message>
            <source>The download server has no PyTorch package for this Python version, this kind of computer, or the chosen build. PyTorch only publishes packages for 64-bit Python and for some Python versions. Choose another build, or choose another Python (a 64-bit Python from python.org works best).</source>
            <translation>下载服务器上没有适合这个 Python 版本、这类电脑或所选版本的 PyTorch 安装包。PyTorch 只为 64 位 Python 和部分 Python 版本提供安装包。请选择其他版本，或者选择其他 Python（最好用 python.org 的 64 位 Python）。</translation>
        </message>
        <message>
            <source>The package versions do not fit together</source>
            <translation>安装包的版本互不兼容</translation>
        </message>
        <message>
            <source>The versions asked for need each other in versions that cannot be installed together (for example a torchvision made for a different PyTorch). Choose the build again so the wizard installs matching versions in one go, then press Retry.</source>
            <translation>所需的几个安装包彼此要求的版本无法同时安装（例如 torchvision 是为另一个版本的 PyTorch 制作的）。请重新选择版本，让向导一次性安装相互匹配的版本，然后点“重试”。</translation>
        </message>
        <message>
            <source>The disk is full</source>
            <translation>磁盘空间已满</translation>
        </message>
        <message>
            <source>There is not enough free space. This PyTorch build needs about {size} while it installs, on the drive of the new environment and on the drive of the temporary folder. Free up space (empty the recycle bin, delete large downloads), then press Retry.</source>
            <translation>剩余空间不够。这个 PyTorch 版本安装时大约需要 {size}，新环境所在的磁盘和临时文件夹所在的磁盘都需要。请腾出空间（清空回收站、删除大的下载文件），然后点“重试”。</translation>
        </message>
        <message>
            <source>There is not enough free space. PyTorch needs several gigabytes while it installs, on the drive of the new environment and on the drive of the temporary folder. Free up space (empty the recycle bin, delete large downloads), then press Retry.</source>
            <translation>剩余空间不够。PyTorch 安装时需要好几 GB 的空间，新环境所在的磁盘和临时文件夹所在的磁盘都需要。请腾出空间（清空回收站、删除大的下载文件），然后点“重试”。</translation>
        </message>
        <message>
            <source>The wizard may not write there</source>
            <translation>向导无法写入该位置</translation>
        </message>
        <message>
            <source>The system refused to let the wizard write to a folder, because it belongs to another user or to the whole computer, or because it is read-only. Keep the new environment in a folder of your own (the wizard's suggestion is one), then press Retry. Do not run the wizard as administrator to get around this.</source>
            <translation>系统不允许向导写入某个文件夹，因为它属于其他用户或整台电脑，或者是只读的。请把新环境放在你自己的文件夹里（向导建议的位置就可以），然后点“重试”。不要为了绕过这个问题而以管理员身份运行向导。</translation>
        </message>
        <message>
            <source>A file is in use by another program</source>
            <translation>有文件正被其他程序占用</translation>
        </message>
        <message>
            <source>Another program is using a file the wizard needs to change. Close other Python windows, editors and notebooks that use this environment, wait for the antivirus scan to finish, then press Retry. Restarting the computer also releases the file.</source>
            <translation>向导需要修改的某个文件正被其他程序使用。请关闭正在使用这个环境的其他 Python 窗口、编辑器和笔记本（notebook），等杀毒软件扫描完成，然后点“重试”。重启电脑也能解除文件占用。</translation>
        </message>
        <message>
            <source>A folder path is too long for Windows</source>
            <translation>文件夹路径太长，Windows 无法处理</translation>
        </message>
        <message>
            <source>Some PyTorch files have very long names, and Windows refuses paths longer than 260 characters unless long paths are switched on. Choose a short folder for the environment, such as C:\torch-env, then press Retry.</source>
            <translation>PyTorch 的一些文件名很长，而 Windows 在没有开启长路径支持时，不接受超过 260 个字符的路径。请为环境选择一个路径较短的文件夹，例如 C:\torch-env，然后点“重试”。</translation>
        </message>
        <message>
            <source>This Python is protected by the system</source>
            <translation>这个 Python 受系统保护</translation>
        </message>
        <message>
            <source>The operating system manages this Python and does not allow installing packages into it. That is expected: PyTorch belongs in a new environment of its own. Press Retry to let the wizard create one, or choose another Python.</source>
            <translation>这个 Python 由操作系统管理，不允许往里面安装软件包。这是正常的：PyTorch 本来就应该装在一个单独的新环境里。点“重试”让向导创建一个新环境，或者选择其他 Python。</translation>
        </message>
        <message>
            <source>This Python cannot create environments</source>
            <translation>这个 Python 无法创建环境</translation>
        </message>
        <message>
            <source>The part of Python that creates new environments is not installed. On Debian or Ubuntu, open a terminal, run: sudo apt install {package} and press Retry. Or choose another Python.</source>
            <translation>这个 Python 缺少用来创建新环境的组件。如果你用的是 Debian 或 Ubuntu，请打开终端，运行：sudo apt install {package}，然后点“重试”。也可以选择其他 Python。</translation>
        </message>
        <message>
            <source>This “python” is only a shortcut to the Microsoft Store</source>
            <translation>这个“python”只是指向 Microsoft Store 的快捷方式</translation>
        </message>
        <message>
            <source>Windows has a placeholder called python that only opens the Microsoft Store; it is not a real Python. Choose another Python, or install 64-bit Python from python.org and start the wizard again.</source>
            <translation>Windows 自带一个名为 python 的占位程序，它只会打开 Microsoft Store，并不是真正的 Python。请选择其他 Python，或者从 python.org 安装 64 位 Python，然后重新启动向导。</translation>
        </message>
        <message>
            <source>A Windows component is missing</source>
            <translation>缺少一个 Windows 组件</translation>
        </message>
        <message>
            <source>PyTorch is installed, but Windows could not load one of its files because the Microsoft Visual C++ Redistributable (x64) is missing or too old. Install it from Microsoft (the button opens the download page), then press Retry. No need to reinstall PyTorch.</source>
            <translation>PyTorch 已经装好了，但 Windows 无法加载它的某个文件，因为 Microsoft Visual C++ Redistributable (x64) 没有安装或版本太旧。请从 Microsoft 官网安装它（点按钮会打开下载页面），然后点“重试”。不需要重新安装 PyTorch。</translation>
        </message>
        <message>
            <source>The installed PyTorch cannot use the graphics card</source>
            <translation>已安装的 PyTorch 无法使用显卡</translation>
        </message>
        <message>
            <source>The PyTorch in this environment is the version for the processor (CPU) only, so it cannot use the NVIDIA graphics card. Choose a CUDA build and install again; the wizard replaces the CPU version.</source>
            <translation>这个环境里的 PyTorch 是只支持处理器（CPU）的版本，所以用不了 NVIDIA 显卡。请选择一个 CUDA 版本重新安装，向导会替换掉 CPU 版本。</translation>
        </message>
        <message>
            <source>No NVIDIA driver found</source>
            <translation>未找到 NVIDIA 驱动程序</translation>
        </message>
        <message>
            <source>PyTorch was built for NVIDIA graphics cards, but no NVIDIA driver is installed, or this computer has no NVIDIA card. Install the driver from NVIDIA's page and restart the computer, or choose the CPU build.</source>
            <translation>这个 PyTorch 是为 NVIDIA 显卡构建的，但电脑上没有安装 NVIDIA 驱动程序，或者这台电脑没有 NVIDIA 显卡。请从 NVIDIA 官网安装驱动程序并重启电脑，或者选择 CPU 版本。</translation>
        </message>
        <message>
            <source>The graphics driver is too old</source>
            <translation>显卡驱动程序太旧</translation>
        </message>
        <message>
            <source>The NVIDIA driver on this computer is older than this PyTorch build needs. Update the driver from NVIDIA's page and restart the computer, or choose a build for an older CUDA version.</source>
            <translation>这台电脑上的 NVIDIA 驱动程序版本低于这个 PyTorch 版本的要求。请从 NVIDIA 官网更新驱动程序并重启电脑，或者选择适用于较旧 CUDA 版本的 PyTorch。</translation>
        </message>
        <message>
            <source>This PyTorch build does not support this graphics card</source>
            <translation>这个 PyTorch 版本不支持这块显卡</translation>
        </message>
        <message>
            <source>The graphics card is newer (or much older) than the cards this PyTorch build was made for. Choose another build: new cards need a build for a newer CUDA version.</source>
            <translation>这块显卡比该 PyTorch 版本所适配的显卡更新（或旧得多）。请选择其他版本：新显卡需要适用于较新 CUDA 版本的 PyTorch。</translation>
        </message>
        <message>
            <source>The graphics card ran out of memory</source>
            <translation>显卡内存（显存）不足</translation>
        </message>
        <message>
            <source>The example needed more memory than the graphics card has free. Close other programs that use the graphics card (games, video, other notebooks) and press Retry, or run it on the processor (CPU) instead.</source>
            <translation>这个示例需要的显存比显卡当前空闲的显存多。请关闭其他正在使用显卡的程序（游戏、视频、其他笔记本（notebook）），然后点“重试”，或者改用处理器（CPU）运行。</translation>
        </message>
        <message>
            <source>A downloaded file was damaged</source>
            <translation>下载的文件已损坏</translation>
        </message>
        <message>
            <source>A downloaded package is not the file it should be, usually because the download was cut short. Press Retry; the wizard downloads it again without using the saved copy. If it keeps happening, install from a folder of wheel files.</source>
            <translation>下载的某个安装包与应有的文件不符，通常是因为下载没有完成。请点“重试”，向导会重新下载，而不使用之前保存的副本。如果问题反复出现，请从存放 wheel 文件的文件夹安装。</translation>
        </message>
        <message>
            <source>The computer ran out of memory</source>
            <translation>电脑内存不足</translation>
        </message>
        <message>
            <source>The system stopped the step because the computer's memory (RAM) was full. Close other programs, especially web browsers, and press Retry.</source>
            <translation>电脑的内存（RAM）已满，系统中止了这一步。请关闭其他程序，特别是网页浏览器，然后点“重试”。</translation>
        </message>
        <message>
            <source>Anaconda's terms of service have not been accepted</source>
            <translation>尚未接受 Anaconda 的服务条款</translation>
        </message>
        <message>
            <source>conda will not download from Anaconda's channels until you accept their terms of service. If you agree to them, run “conda tos accept” in the Anaconda Prompt and press Retry. Or choose another Python (for example one from python.org), which needs no such terms.</source>
            <translation>在你接受 Anaconda 的服务条款之前，conda 不会从 Anaconda 的频道下载。如果你同意这些条款，请在 Anaconda Prompt 中运行“conda tos accept”，然后点“重试”。也可以选择其他 Python（例如 python.org 的 Python），它不需要接受此类条款。</translation>
        </message>
        <message>
            <source>conda found no packages that fit</source>
            <translation>conda 没有找到合适的软件包</translation>
        </message>
        <message>
            <source>conda could not find the requested packages in its channels, or could not find versions that fit together and with this Python. Choose another build, or choose another Python; the wizard can install PyTorch with pip into a plain environment.</source>
            <translation>conda 在它的频道里找不到所需的软件包，或者找不到彼此兼容、又适合这个 Python 的版本。请选择其他版本，或者选择其他 Python；向导可以用 pip 把 PyTorch 安装到一个普通环境中。</translation>
        </message>
        <message>
            <source>conda could not download</source>
            <translation>conda 无法下载</translation>
        </message>
        <message>
            <source>conda could not reach its download server. Check the internet connection and press Retry. At school or work, a proxy may be needed: ask for the address and enter it with “Set a proxy”.</source>
            <translation>conda 连不上它的下载服务器。请检查网络连接，然后点“重试”。在学校或公司里，可能需要设置代理：请向网络管理员要代理地址，并用“设置代理”填进去。</translation>
        </message>
        <message>
            <source>PyTorch and NumPy versions do not fit</source>
            <translation>PyTorch 和 NumPy 的版本不兼容</translation>
        </message>
        <message>
            <source>This PyTorch was made for NumPy 1, but NumPy 2 is installed. Choose a newer PyTorch build and install again; the wizard then installs versions that fit.</source>
            <translation>这个 PyTorch 是为 NumPy 1 制作的，但当前安装的是 NumPy 2。请选择较新的 PyTorch 版本重新安装，向导会安装相互兼容的版本。</translation>
        </message>
        <message>
            <source>The processor cannot run this PyTorch</source>
            <translation>处理器无法运行这个 PyTorch</translation>
        </message>
        <message>
            <source>The program stopped with “illegal instruction”: the processor met an instruction it does not know. On a Mac with an Apple chip (M1 or newer) this happens when the Python was made for Intel Macs and runs through Rosetta. Install the Python for Apple Silicon (the macOS installer from python.org works on both), then start the wizard again and choose it.</source>
            <translation>程序因“非法指令”而停止：处理器遇到了它不认识的指令。在使用 Apple 芯片（M1 或更新）的 Mac 上，如果 Python 是为 Intel Mac 制作、通过 Rosetta 运行的，就会这样。请安装适用于 Apple 芯片的 Python（python.org 的 macOS 安装程序两种都支持），然后重新打开向导并选择它。</translation>
        </message>
        <message>
            <source>The program stopped with “illegal instruction”: this computer's processor lacks an instruction that this PyTorch needs (very old processors do). Choose another build, or run PyTorch on a newer computer.</source>
            <translation>程序因“非法指令”而停止：这台电脑的处理器缺少这个 PyTorch 需要的指令（很旧的处理器会这样）。请选择其他版本，或者在更新的电脑上运行 PyTorch。</translation>
        </message>
        <message>
            <source>Windows ran out of virtual memory</source>
            <translation>Windows 的虚拟内存不够了</translation>
        </message>
        <message>
            <source>Windows could not load PyTorch's large files because its page file (virtual memory) is too small. Open the virtual memory settings (Advanced system settings &gt; Performance &gt; Settings &gt; Advanced &gt; Virtual memory &gt; Change), tick “Automatically manage paging file size for all drives”, restart the computer and press Retry. Closing other programs helps too, or choose the smaller CPU build.</source>
            <translation>Windows 的页面文件（虚拟内存）太小，无法载入 PyTorch 的大文件。请打开虚拟内存设置（高级系统设置 &gt; 性能 &gt; 设置 &gt; 高级 &gt; 虚拟内存 &gt; 更改），勾选“自动管理所有驱动器的分页文件大小”，重启电脑后点“重试”。关掉其他程序也有帮助，或者选择更小的 CPU 版本。</translation>
        </message>
        <message>
            <source>A wheel file is damaged</source>
            <translation>有一个 wheel 文件损坏了</translation>
        </message>
        <message>
            <source>The file {file} is not a complete wheel: it is damaged, or it was cut short while it was copied or downloaded. Copy it again from where it came from (or download it again), or choose another folder, then press Retry.</source>
            <translation>文件 {file} 不是完整的 wheel：它损坏了，或者在复制、下载时被中断了。请从原来的地方重新复制（或重新下载），或者选择其他文件夹，然后点“重试”。</translation>
        </message>
        <message>
            <source>One of the wheel files is not complete: it is damaged, or it was cut short while it was copied or downloaded. Copy the folder again from where it came from, or choose another folder, then press Retry.</source>
            <translation>有一个 wheel 文件不完整：它损坏了，或者在复制、下载时被中断了。请从原来的地方重新复制这个文件夹，或者选择其他文件夹，然后点“重试”。</translation>
        </message>
        <message>
            <source>The mirror's address seems wrong</source>
            <translation>镜像的地址好像不对</translation>
        </message>
        <message>
            <source>The name {host} in the address of the package index was not found, so the address is probably mistyped. Check it (“Change the address” goes back to it), or use the PyTorch download server instead, then press Retry. If no website opens at all, this computer is offline.</source>
            <translation>找不到软件包索引地址中的名字 {host}，地址很可能打错了。请检查一下（点“修改地址”回到那里），或者改用 PyTorch 下载服务器，然后点“重试”。如果所有网站都打不开，说明这台电脑没有联网。</translation>
        </message>
        <message>
            <source>The folder of wheel files is gone</source>
            <translation>装 wheel 文件的文件夹不见了</translation>
        </message>
        <message>
            <source>The folder {folder} cannot be found any more: a USB stick may have been pulled out, or the folder was moved or renamed. Put it back and press Retry, or choose the folder again.</source>
            <translation>找不到文件夹 {folder} 了：可能 U 盘被拔掉了，或者文件夹被移动、改名了。请把它放回去后点“重试”，或者重新选择文件夹。</translation>
        </message>
        <message>
            <source>The wizard does not recognise this problem</source>
            <translation>向导无法识别这个问题</translation>
        </message>
        <message>
            <source>The step failed for a reason the wizard does not know. Press Retry once, since some problems are temporary. If it fails again, copy the report and show it to a teacher or paste it into a forum question.</source>
            <translation>这一步失败了，原因向导也不清楚。有些问题只是暂时的，请先点一次“重试”。如果还是失败，请复制报告，拿给老师看，或者粘贴到论坛里提问。</translation>
        </message>
        <message>
            <source>{path} is a folder; give the log file inside it.</source>
            <translation>{path} 是一个文件夹，请给出里面的日志文件。</translation>
        </message>
        <message>
            <source>There is no file {path}.</source>
            <translation>没有文件 {path}。</translation>
        </message>
        <message>
            <source>{path} cannot be read: {error}</source>
            <translation>无法读取 {path}：{error}</translation>
        </message>
    </context>
    <context>
        <name>EnvFolder</name>
        <message>
            <source>A folder name cannot contain invisible control characters. Type the folder again.</source>
            <translation>文件夹名字里不能有看不见的控制字符。请重新输入文件夹。</translation>
        </message>
        <message>
            <source>This folder name is too long for the system. Choose a shorter one.</source>
            <translation>这个文件夹名字太长，系统无法使用。请选一个短一些的。</translation>
        </message>
        <message>
            <source>On Windows a folder name cannot contain &lt; &gt; : " | ? *, cannot end with a dot or a space, and cannot be a name such as CON or NUL. Choose another name.</source>
            <translation>在 Windows 上，文件夹名字不能包含 &lt; &gt; : " | ? *，不能以点或空格结尾，也不能是 CON、NUL 这样的名字。请换一个名字。</translation>
        </message>
        <message>
            <source>This folder cannot be checked ({error}). Choose another one.</source>
            <translation>无法检查这个文件夹（{error}）。请选择其他文件夹。</translation>
        </message>
        <message>
            <source>Choose a folder for the new environment.</source>
            <translation>请为新环境选择一个文件夹。</translation>
        </message>
        <message>
            <source>Give the full path of the folder, for example {example}.</source>
            <translation>请填写文件夹的完整路径，例如 {example}。</translation>
        </message>
        <message>
            <source>{path} is inside {root}, which belongs to the system or to another program. Choose a folder in your home folder instead.</source>
            <translation>{path} 位于 {root} 中，而该位置属于系统或其他程序。请改为选择你个人主文件夹里的某个文件夹。</translation>
        </message>
        <message>
            <source>{path} is inside the environment {root}. A new environment cannot go into another one: choose a folder outside it.</source>
            <translation>{path} 在环境 {root} 里面。新环境不能放进另一个环境：请选择它外面的文件夹。</translation>
        </message>
        <message>
            <source>{path} is inside the conda environment {root}. A new environment cannot go into another one: choose a folder outside it.</source>
            <translation>{path} 在 conda 环境 {root} 里面。新环境不能放进另一个环境：请选择它外面的文件夹。</translation>
        </message>
        <message>
            <source>{path} is inside the Python installation {root}. Choose a folder in your home folder instead.</source>
            <translation>{path} 在 Python 安装目录 {root} 里面。请改选你的个人文件夹中的一个文件夹。</translation>
        </message>
        <message>
            <source>{path} is a file, not a folder.</source>
            <translation>{path} 是一个文件，不是文件夹。</translation>
        </message>
        <message>
            <source>This folder cannot be read. Choose another one.</source>
            <translation>无法读取这个文件夹，请选择其他文件夹。</translation>
        </message>
        <message>
            <source>This folder already has files in it. The wizard only creates new environments so that nothing you have is changed: choose an empty or new folder.</source>
            <translation>这个文件夹里已经有文件了。为了不改动你已有的任何东西，向导只会创建新环境：请选择一个空文件夹或新文件夹。</translation>
        </message>
        <message>
            <source>You cannot create files in {folder}. Choose a folder in your home folder.</source>
            <translation>你没有权限在 {folder} 中创建文件。请选择你个人主文件夹里的某个文件夹。</translation>
        </message>
        <message>
            <source>This path is long. Windows limits path lengths, and PyTorch has deeply nested files: a shorter path such as C:\pytorch-env is safer.</source>
            <translation>这个路径比较长。Windows 对路径长度有限制，而 PyTorch 的文件层级很深：用较短的路径（例如 C:\pytorch-env）更稳妥。</translation>
        </message>
    </context>
    <context>
        <name>Extras</name>
        <message>
            <source>Also install the CUDA compiler (nvcc) into the environment — only needed to build your own CUDA extensions</source>
            <translation>同时在环境中安装 CUDA 编译器（nvcc）——只有在编译你自己的 CUDA 扩展时才需要</translation>
        </message>
        <message>
            <source>The CUDA compiler only goes with an NVIDIA CUDA build of PyTorch; this build does not use CUDA.</source>
            <translation>CUDA 编译器只适用于 PyTorch 的 NVIDIA CUDA 版本；这个版本不使用 CUDA。</translation>
        </message>
        <message>
            <source>The wizard knows no conda package of the CUDA compiler for CUDA {cuda}.</source>
            <translation>向导不知道有适用于 CUDA {cuda} 的 CUDA 编译器 conda 软件包。</translation>
        </message>
        <message>
            <source>NVIDIA publishes no pip package with the CUDA compiler for CUDA {cuda}. To build CUDA extensions, install NVIDIA's CUDA Toolkit {cuda} from NVIDIA's website, or use a conda environment with the conda-forge packages {packages}.</source>
            <translation>NVIDIA 没有发布包含 CUDA {cuda} 编译器的 pip 软件包。要编译 CUDA 扩展，请从 NVIDIA 官网安装 CUDA Toolkit {cuda}，或者使用带有 conda-forge 软件包 {packages} 的 conda 环境。</translation>
        </message>
    </context>
    <context>
        <name>FileDialog</name>
        <message>
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>{suffix} file</source>
            <translation>{suffix} 文件</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Look in:</source>
            <translation>查看：</translation>
        </message>
        <message>
            <source>File name:</source>
            <translation>文件名：</translation>
        </message>
        <message>
            <source>Files of type:</source>
            <translation>文件类型：</translation>
        </message>
    </context>
    <context>
        <name>FinishPage</name>
        <message>
            <source>All done</source>
            <translation>全部完成</translation>
        </message>
        <message>
            <source>JupyterLab is starting and opens in your web browser in a moment. To stop it, choose File › Shut Down in JupyterLab.</source>
            <translation>JupyterLab 正在启动，稍后会在浏览器中打开。要关闭它，请在 JupyterLab 里选择“文件 › 关闭”（File › Shut Down）。</translation>
        </message>
        <message>
            <source>The shortcut could not be made: {error}</source>
            <translation>无法创建快捷方式：{error}</translation>
        </message>
        <message>
            <source>Made: {files}. Open it to get a terminal that is already inside the environment.</source>
            <translation>已创建：{files}。打开它，就会得到一个已经在这个环境里的终端。</translation>
        </message>
        <message>
            <source>{program} could not be started.</source>
            <translation>无法启动 {program}。</translation>
        </message>
        <message>
            <source>PyTorch is ready. Here is how to go on, no terminal needed.</source>
            <translation>PyTorch 已经可以用了。下面是接下来可以做的事，不需要用终端。</translation>
        </message>
        <message>
            <source>Open the folder</source>
            <translation>打开文件夹</translation>
        </message>
        <message>
            <source>Open in VS Code</source>
            <translation>用 VS Code 打开</translation>
        </message>
        <message>
            <source>Start Jupyter</source>
            <translation>启动 Jupyter</translation>
        </message>
        <message>
            <source>Run my first program again</source>
            <translation>再运行一次我的第一个程序</translation>
        </message>
        <message>
            <source>Make a desktop shortcut</source>
            <translation>在桌面上创建快捷方式</translation>
        </message>
        <message>
            <source>Hide details</source>
            <translation>隐藏详细信息</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详细信息</translation>
        </message>
        <message>
            <source>Next steps:</source>
            <translation>下一步：</translation>
        </message>
        <message>
            <source>Your environment is in &lt;b&gt;{env}&lt;/b&gt;. It has its own Python with PyTorch installed; the rest of your computer was not changed.</source>
            <translation>你的环境位于 &lt;b&gt;{env}&lt;/b&gt;。它有自己的 Python，并已装好 PyTorch；电脑上的其他部分没有任何改动。</translation>
        </message>
        <message>
            <source>Your first program is saved as &lt;b&gt;{file}&lt;/b&gt;. Open it in VS Code (or any editor), change a number and run it again.</source>
            <translation>你的第一个程序已保存为 &lt;b&gt;{file}&lt;/b&gt;。用 VS Code（或任何编辑器）打开它，改一个数字，再运行一次看看。</translation>
        </message>
        <message>
            <source>To use it in a terminal, open Command Prompt (or PowerShell) and type the matching line. After that, the commands python and pip use the new environment:</source>
            <translation>如果要在终端中使用，请打开命令提示符（或 PowerShell），输入对应的那一行命令。之后，python 和 pip 命令就会使用这个新环境：</translation>
        </message>
        <message>
            <source>To use it in a terminal, open Terminal and type this line. After that, the commands python and pip use the new environment:</source>
            <translation>如果要在终端中使用，请打开“终端”，输入下面这一行命令。之后，python 和 pip 命令就会使用这个新环境：</translation>
        </message>
        <message>
            <source>Or run its Python directly, without activating: your first program, or Python on its own:</source>
            <translation>也可以不激活，直接运行它自己的 Python：运行你的第一个程序，或者单独打开 Python：</translation>
        </message>
        <message>
            <source>In an editor such as VS Code or PyCharm, choose this Python as the interpreter: {python}</source>
            <translation>在 VS Code 或 PyCharm 这样的编辑器里，请选择这个 Python 作为解释器：{python}</translation>
        </message>
        <message>
            <source>To use it in a terminal, open a terminal where conda works (on Windows: “Anaconda Prompt” or “Miniforge Prompt” from the Start menu) and type this line. After that, python and pip use the new environment:</source>
            <translation>如果要在终端中使用，请打开一个能运行 conda 的终端（在 Windows 上：从“开始”菜单打开“Anaconda Prompt”或“Miniforge Prompt”），然后输入下面这一行命令。之后，python 和 pip 就会使用这个新环境：</translation>
        </message>
    </context>
    <context>
        <name>Handoff</name>
        <message>
            <source>PyTorch terminal ({name})</source>
            <translation>PyTorch 终端（{name}）</translation>
        </message>
        <message>
            <source>This terminal is inside your PyTorch environment {name}: python and pip are its own.</source>
            <translation>这个终端已经在你的 PyTorch 环境 {name} 里：python 和 pip 都是这个环境自己的。</translation>
        </message>
        <message>
            <source>JupyterLab ({name})</source>
            <translation>JupyterLab（{name}）</translation>
        </message>
        <message>
            <source>JupyterLab in your PyTorch environment {name}.</source>
            <translation>在你的 PyTorch 环境 {name} 里运行的 JupyterLab。</translation>
        </message>
        <message>
            <source>Dive into Deep Learning (in Chinese, with PyTorch code)</source>
            <translation>《动手学深度学习》（中文，带 PyTorch 代码）</translation>
        </message>
        <message>
            <source>Learn the Basics: PyTorch's own first tutorial</source>
            <translation>PyTorch 官方的入门教程（英文）</translation>
        </message>
        <message>
            <source>All PyTorch tutorials</source>
            <translation>全部 PyTorch 教程（英文）</translation>
        </message>
        <message>
            <source>This environment keeps PyTorch {version} as installed, so that another package cannot swap it for a different build. To change it, delete the file {file} in the environment's folder, or make a new environment with this wizard.</source>
            <translation>这个环境会保持安装时的 PyTorch {version}，这样别的软件包就不能把它换成另一个版本。如果想改，请删除环境文件夹里的 {file} 文件，或者用这个向导新建一个环境。</translation>
        </message>
        <message>
            <source>{file}: your first PyTorch program.

It adds two tensors, then trains a tiny model until it finds the line y = 2x + 1.
Run it with a double-click, with Run in VS Code, or in a terminal inside your environment:
    python {file}
Change a number (the learning rate lr, the number of steps) and run it again to see what happens.
</source>
            <translation>{file}：你的第一个 PyTorch 程序。

它先把两个张量相加，再训练一个很小的模型，直到找到直线 y = 2x + 1。
运行方法：双击它，或在 VS Code 里点“运行”，或在这个环境里的终端中输入：
    python {file}
改一个数字（学习率 lr、训练步数），再运行一次，看看会发生什么。
</translation>
        </message>
        <message>
            <source>Press Enter to close this window.</source>
            <translation>按回车键关闭这个窗口。</translation>
        </message>
    </context>
    <context>
        <name>Hardware</name>
        <message>
            <source>An NVIDIA driver (version {driver}) is installed, but it is not responding: the nvidia-smi tool could not talk to it. This often happens right after a driver or system update. Restart the computer; if it still fails, reinstall the NVIDIA driver. Until then the wizard can only offer the CPU build.</source>
            <translation>已安装 NVIDIA 驱动程序（版本 {driver}），但它没有响应：nvidia-smi 工具无法与它通信。这种情况常在驱动程序或系统更新后出现。请重新启动电脑；如果仍然不行，请重新安装 NVIDIA 驱动程序。在此之前，向导只能提供 CPU 版本。</translation>
        </message>
        <message>
            <source>The NVIDIA driver is not responding: the nvidia-smi tool could not talk to it. Restart the computer; if it still fails, reinstall the NVIDIA driver. Until then the wizard can only offer the CPU build.</source>
            <translation>NVIDIA 驱动程序没有响应：nvidia-smi 工具无法与它通信。请重新启动电脑；如果仍然不行，请重新安装 NVIDIA 驱动程序。在此之前，向导只能提供 CPU 版本。</translation>
        </message>
        <message>
            <source>An NVIDIA driver (version {driver}) is loaded, but its nvidia-smi tool was not found, so the wizard cannot read the GPU's generation. Installing the driver's utilities package (for example nvidia-utils) fixes this.</source>
            <translation>已加载 NVIDIA 驱动程序（版本 {driver}），但找不到它的 nvidia-smi 工具，所以向导无法读取显卡的架构代数。安装驱动程序的工具包（例如 nvidia-utils）即可解决。</translation>
        </message>
        <message>
            <source>This computer has an NVIDIA graphics card, but the NVIDIA driver is not installed (or not loaded). Install the NVIDIA driver to let PyTorch use the card; until then the wizard can only offer the CPU build.</source>
            <translation>这台电脑有 NVIDIA 显卡，但没有安装（或没有加载）NVIDIA 驱动程序。请安装 NVIDIA 驱动程序，让 PyTorch 能使用这块显卡；在此之前，向导只能提供 CPU 版本。</translation>
        </message>
        <message>
            <source>A CUDA Toolkit (version {version}) is installed. PyTorch does not need it: the PyTorch packages bring their own copy of the CUDA libraries, so its version does not have to match. You can leave it installed.</source>
            <translation>电脑上已安装 CUDA Toolkit（版本 {version}）。PyTorch 并不需要它：PyTorch 软件包自带一份 CUDA 库，所以它的版本不必与之匹配。你可以保留它，不用卸载。</translation>
        </message>
        <message>
            <source>You do not need to install the CUDA Toolkit: the PyTorch packages bring their own copy of the CUDA libraries. Only the NVIDIA driver is needed.</source>
            <translation>你不需要安装 CUDA Toolkit：PyTorch 软件包自带一份 CUDA 库，只需要安装 NVIDIA 驱动程序即可。</translation>
        </message>
        <message>
            <source>This Mac has an Apple Silicon chip, but the program asking runs as Intel code (through Rosetta). Use a Python made for Apple Silicon (arm64): Intel-Mac Python cannot install current PyTorch.</source>
            <translation>这台 Mac 使用 Apple Silicon 芯片，但发出请求的程序是以 Intel 代码运行的（通过 Rosetta）。请使用为 Apple Silicon（arm64）制作的 Python：Intel Mac 版的 Python 无法安装当前的 PyTorch。</translation>
        </message>
    </context>
    <context>
        <name>HardwarePage</name>
        <message>
            <source>Your graphics card (GPU)</source>
            <translation>你的显卡（GPU）</translation>
        </message>
        <message>
            <source>A GPU makes training much faster. The wizard checks which one you have and picks the PyTorch build that really runs on it.</source>
            <translation>有 GPU 时，训练会快得多。向导会检查你的电脑用的是哪种显卡，并选出真正能在它上面运行的 PyTorch 版本。</translation>
        </message>
        <message>
            <source>What was found</source>
            <translation>检测结果</translation>
        </message>
        <message>
            <source>The PyTorch build for this computer</source>
            <translation>适合这台电脑的 PyTorch 版本</translation>
        </message>
        <message>
            <source>Choose another build myself (advanced)</source>
            <translation>自己选择其他版本（高级）</translation>
        </message>
        <message>
            <source>Checking the graphics card…</source>
            <translation>正在检查显卡…</translation>
        </message>
        <message>
            <source>No supported GPU was found, so PyTorch will use the processor (CPU). That is fine for learning: small models train in seconds.</source>
            <translation>没有找到受支持的 GPU，所以 PyTorch 将使用处理器（CPU）。这对学习来说完全够用：小模型几秒钟就能训练完。</translation>
        </message>
        <message>
            <source>{gb:.0f} GB memory</source>
            <translation>{gb:.0f} GB 显存</translation>
        </message>
        <message>
            <source>compute capability {cc}</source>
            <translation>计算能力 {cc}</translation>
        </message>
        <message>
            <source>driver {version}</source>
            <translation>驱动程序 {version}</translation>
        </message>
        <message>
            <source>The NVIDIA driver supports CUDA up to {v}.</source>
            <translation>NVIDIA 驱动程序最高支持 CUDA {v}。</translation>
        </message>
        <message>
            <source>No PyTorch build can run with this Python on this computer.</source>
            <translation>在这台电脑上，没有能配合这个 Python 运行的 PyTorch 版本。</translation>
        </message>
        <message>
            <source>PyTorch {torch} for {build}</source>
            <translation>PyTorch {torch}（{build}）</translation>
        </message>
        <message>
            <source>Download: about {size}</source>
            <translation>下载：大约 {size}</translation>
        </message>
        <message>
            <source>Other options:</source>
            <translation>其他选项：</translation>
        </message>
        <message>
            <source>Hide details</source>
            <translation>隐藏详细信息</translation>
        </message>
        <message>
            <source>Details: where it comes from</source>
            <translation>详细信息：从哪里下载</translation>
        </message>
        <message>
            <source>Download address: {url}</source>
            <translation>下载地址：{url}</translation>
        </message>
        <message>
            <source>Download address: none given, so pip uses its usual one (what “pip install torch” uses).</source>
            <translation>下载地址：没有指定，所以 pip 使用它平常的下载地址（和“pip install torch”一样）。</translation>
        </message>
        <message>
            <source>Packages: {packages}</source>
            <translation>安装包：{packages}</translation>
        </message>
    </context>
    <context>
        <name>InstallCli</name>
        <message>
            <source>No Python on this computer can run PyTorch. {hint}</source>
            <translation>这台电脑上没有能运行 PyTorch 的 Python。{hint}</translation>
        </message>
        <message>
            <source>{path} cannot be used: {reason}</source>
            <translation>{path} 不能使用：{reason}</translation>
        </message>
        <message>
            <source>{path} cannot run PyTorch: {reason}</source>
            <translation>{path} 不能运行 PyTorch：{reason}</translation>
        </message>
        <message>
            <source>No PyTorch build runs on this computer.</source>
            <translation>没有能在这台电脑上运行的 PyTorch 版本。</translation>
        </message>
        <message>
            <source>The build {build} is not one this computer can use. It can use: {names}.</source>
            <translation>这台电脑不能使用 {build} 版本。它可以使用：{names}。</translation>
        </message>
        <message>
            <source>{folder} holds no PyTorch wheel (a file named torch-….whl).</source>
            <translation>{folder} 里没有 PyTorch 安装包（名为 torch-….whl 的文件）。</translation>
        </message>
        <message>
            <source>Checking every file of the kit…</source>
            <translation>正在检查安装包里的每个文件…</translation>
        </message>
        <message>
            <source>--source must be default, index:URL, wheels:DIR or kit:DIR (got {value}).</source>
            <translation>--source 必须是 default、index:网址、wheels:文件夹 或 kit:文件夹（现在是 {value}）。</translation>
        </message>
        <message>
            <source>{url} has no PyTorch for this computer and Python {python}. It has: {found}.</source>
            <translation>{url} 上没有适合这台电脑和 Python {python} 的 PyTorch。它有：{found}。</translation>
        </message>
        <message>
            <source>This index has PyTorch {found}, not {wanted}: {found} is installed.</source>
            <translation>这个下载源有 PyTorch {found}，没有 {wanted}：将安装 {found}。</translation>
        </message>
        <message>
            <source>This index has no torchvision for it: only torch is installed.</source>
            <translation>这个下载源没有对应的 torchvision：只安装 torch。</translation>
        </message>
        <message>
            <source>No conda, mamba or micromamba was found on this computer.</source>
            <translation>这台电脑上没有找到 conda、mamba 或 micromamba。</translation>
        </message>
        <message>
            <source>Stopping… (the unfinished environment is removed)</source>
            <translation>正在停止…（未完成的环境会被删除）</translation>
        </message>
        <message>
            <source>PyTorch {torch} ({build}) for Python {python} into {env}</source>
            <translation>PyTorch {torch}（{build}），Python {python}，安装到 {env}</translation>
        </message>
        <message>
            <source>Install?</source>
            <translation>开始安装吗？</translation>
        </message>
        <message>
            <source>Nothing was installed.</source>
            <translation>什么都没有安装。</translation>
        </message>
        <message>
            <source>Step {n} of {count}: {title}</source>
            <translation>第 {n} 步，共 {count} 步：{title}</translation>
        </message>
        <message>
            <source>Stopped.</source>
            <translation>已停止。</translation>
        </message>
        <message>
            <source>PyTorch {version} is installed and works.</source>
            <translation>PyTorch {version} 已安装，可以正常使用。</translation>
        </message>
        <message>
            <source>Running the first-model demo…</source>
            <translation>正在运行第一个模型的演示…</translation>
        </message>
        <message>
            <source>Trained: weight {w} (true {tw}), bias {b} (true {tb}); loss {first} → {last}</source>
            <translation>训练完成：权重 {w}（真实值 {tw}），偏置 {b}（真实值 {tb}）；损失 {first} → {last}</translation>
        </message>
        <message>
            <source>The demo did not finish: {detail}</source>
            <translation>演示没有完成：{detail}</translation>
        </message>
        <message>
            <source>The package index {url} needs a login, and the wizard never stores passwords. Set {user_var} and {password_var} and run this again, or run it without --yes to type them. Nothing was changed.</source>
            <translation>软件包索引 {url} 需要登录，而向导从不保存密码。请设置 {user_var} 和 {password_var} 后再运行一次，或者不加 --yes 运行，在终端里输入它们。什么都没有改动。</translation>
        </message>
        <message>
            <source>The package index {url} needs a login (the wizard never stores passwords).</source>
            <translation>软件包索引 {url} 需要登录（向导从不保存密码）。</translation>
        </message>
        <message>
            <source>User name: </source>
            <translation>用户名：</translation>
        </message>
        <message>
            <source>Password: </source>
            <translation>密码：</translation>
        </message>
        <message>
            <source>No login was given. Nothing was changed.</source>
            <translation>没有输入登录信息。什么都没有改动。</translation>
        </message>
        <message>
            <source>There is no unfinished install in {path}.</source>
            <translation>{path} 里没有未完成的安装。</translation>
        </message>
        <message>
            <source>No install was cut short.</source>
            <translation>没有中途中断的安装。</translation>
        </message>
        <message>
            <source>Cut short: {env} (started {started}; done: {steps}). Finish it with --finish {env}, or remove it with --remove {env}.</source>
            <translation>中途中断：{env}（开始于 {started}；已完成：{steps}）。用 --finish {env} 完成它，或用 --remove {env} 删除它。</translation>
        </message>
        <message>
            <source>Remove what the wizard made in {path}?</source>
            <translation>删除向导在 {path} 中创建的内容吗？</translation>
        </message>
    </context>
    <context>
        <name>InstallPage</name>
        <message>
            <source>Nothing has happened for {minutes} minutes. The server may be very slow, or the step may be stuck. You can keep waiting, or press Stop.</source>
            <translation>已经 {minutes} 分钟没有任何进展了。可能是服务器非常慢，也可能是这一步卡住了。你可以继续等待，或者点“停止”。</translation>
        </message>
        <message>
            <source>Downloading {file}…</source>
            <translation>正在下载 {file}…</translation>
        </message>
        <message>
            <source>Getting {file}…</source>
            <translation>正在获取 {file}…</translation>
        </message>
        <message>
            <source>Unpacking and installing the packages (this can take a few minutes)…</source>
            <translation>正在解压并安装软件包（可能需要几分钟）…</translation>
        </message>
        <message>
            <source>Install the right build</source>
            <translation>安装正确的版本</translation>
        </message>
        <message>
            <source>The report is copied. Paste it where you ask for help.</source>
            <translation>报告已复制。请把它粘贴到你求助的地方。</translation>
        </message>
        <message>
            <source>Proxy</source>
            <translation>代理</translation>
        </message>
        <message>
            <source>Choose the folder with the wheel files</source>
            <translation>选择存放 wheel 文件的文件夹</translation>
        </message>
        <message>
            <source>Wheel folder</source>
            <translation>wheel 文件夹</translation>
        </message>
        <message>
            <source>Address of the proxy your network needs (ask your school or company), for example http://proxy.example.edu:8080. Leave empty to use this computer's own settings.</source>
            <translation>你的网络需要的代理地址（可以问学校或公司），例如 http://proxy.example.edu:8080。留空则使用这台电脑自己的设置。</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>{path}: needs {need} ({uses}), free {free}.</source>
            <translation>{path}：需要 {need}（用于{uses}），剩余 {free}。</translation>
        </message>
        <message>
            <source>Free up at least {size} there.</source>
            <translation>请在那里至少释放 {size} 空间。</translation>
        </message>
        <message>
            <source>Disk space</source>
            <translation>磁盘空间</translation>
        </message>
        <message>
            <source>Removing the unfinished environment… (this can take a minute)</source>
            <translation>正在删除未完成的环境…（可能需要一分钟）</translation>
        </message>
        <message>
            <source>Installing</source>
            <translation>正在安装</translation>
        </message>
        <message>
            <source>The wizard is creating the environment and installing PyTorch. You can stop at any time.</source>
            <translation>向导正在创建环境并安装 PyTorch。你可以随时停止。</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Keep waiting</source>
            <translation>继续等待</translation>
        </message>
        <message>
            <source>Now: {step}</source>
            <translation>当前步骤：{step}</translation>
        </message>
        <message>
            <source>It can use: {devices}.</source>
            <translation>可以使用：{devices}。</translation>
        </message>
        <message>
            <source>It will run on the processor (CPU).</source>
            <translation>它将在处理器（CPU）上运行。</translation>
        </message>
        <message>
            <source>PyTorch {version} is installed and works, but not as expected:</source>
            <translation>PyTorch {version} 已安装并能运行，但有些情况不符合预期：</translation>
        </message>
        <message>
            <source>Step {n} of {count} · {title}</source>
            <translation>第 {n} 步，共 {count} 步 · {title}</translation>
        </message>
        <message>
            <source>{file}: {done} of {total}</source>
            <translation>{file}：已下载 {done}，共 {total}</translation>
        </message>
        <message>
            <source>{speed}/s</source>
            <translation>{speed}/秒</translation>
        </message>
        <message>
            <source>about {n} minutes left</source>
            <translation>大约还剩 {n} 分钟</translation>
        </message>
        <message>
            <source>less than 2 minutes left</source>
            <translation>还剩不到 2 分钟</translation>
        </message>
        <message>
            <source>Stopped.</source>
            <translation>已停止。</translation>
        </message>
        <message>
            <source>PyTorch {version} is installed and works.</source>
            <translation>PyTorch {version} 已安装，并且可以正常运行。</translation>
        </message>
        <message>
            <source>Press Next to try it.</source>
            <translation>按“下一步”来试一试。</translation>
        </message>
        <message>
            <source>Stopped. Your environment was kept as it was.</source>
            <translation>已停止。你的环境保持原样，没有被改动。</translation>
        </message>
        <message>
            <source>Stopped. The unfinished environment was removed; nothing else was changed. Press Retry to start again.</source>
            <translation>已停止。未完成的环境已被删除，其他内容都没有改动。按“重试”可以重新开始。</translation>
        </message>
        <message>
            <source>This step failed: {step}</source>
            <translation>这一步失败了：{step}</translation>
        </message>
    </context>
    <context>
        <name>Interpreters</name>
        <message>
            <source>python.org</source>
            <extracomment>The last PyTorch release with wheels for Intel (x86_64) Macs. Every value that ``Candidate.source`` / ``Interpreter.source`` can take.</extracomment>
            <translation>python.org</translation>
        </message>
        <message>
            <source>Microsoft Store</source>
            <translation>Microsoft Store</translation>
        </message>
        <message>
            <source>Homebrew</source>
            <translation>Homebrew</translation>
        </message>
        <message>
            <source>pyenv</source>
            <translation>pyenv</translation>
        </message>
        <message>
            <source>uv</source>
            <translation>uv</translation>
        </message>
        <message>
            <source>conda</source>
            <translation>conda</translation>
        </message>
        <message>
            <source>virtual environment</source>
            <translation>虚拟环境</translation>
        </message>
        <message>
            <source>system</source>
            <translation>系统自带</translation>
        </message>
        <message>
            <source>found on PATH</source>
            <translation>在 PATH 中找到</translation>
        </message>
        <message>
            <source>added by you</source>
            <translation>由你添加</translation>
        </message>
        <message>
            <source>Python install manager</source>
            <translation>Python 安装管理器</translation>
        </message>
        <message>
            <source>Install Python {version} (64-bit) from python.org: https://www.python.org/downloads/windows/ (choose "Windows installer (64-bit)" and tick "Add python.exe to PATH"). Then search again.</source>
            <translation>请从 python.org 安装 Python {version}（64 位）：https://www.python.org/downloads/windows/（选择 "Windows installer (64-bit)"，并勾选 "Add python.exe to PATH"）。然后重新搜索。</translation>
        </message>
        <message>
            <source>Install Python {version} from python.org: https://www.python.org/downloads/macos/ (the "macOS 64-bit universal2 installer"). Then search again.</source>
            <translation>请从 python.org 安装 Python {version}：https://www.python.org/downloads/macos/（选择 "macOS 64-bit universal2 installer"）。然后重新搜索。</translation>
        </message>
        <message>
            <source>Install Python {version} or another supported version with its venv module from your distribution. Debian or Ubuntu: sudo apt install python3 python3-venv. Fedora: sudo dnf install python3. Then search again.</source>
            <translation>请通过你的 Linux 发行版安装 Python {version} 或其他受支持的版本，以及它的 venv 模块。Debian 或 Ubuntu：sudo apt install python3 python3-venv。Fedora：sudo dnf install python3。然后重新搜索。</translation>
        </message>
        <message>
            <source>Checking it failed unexpectedly: {detail}</source>
            <translation>检查时意外出错：{detail}</translation>
        </message>
        <message>
            <source>The file does not exist.</source>
            <translation>该文件不存在。</translation>
        </message>
        <message>
            <source>This is a folder, not a Python program.</source>
            <translation>这是一个文件夹，不是 Python 程序。</translation>
        </message>
        <message>
            <source>This is only Apple's placeholder for Python: the Command Line Tools are not installed (they can be installed with: xcode-select --install).</source>
            <translation>这只是 Apple 为 Python 预留的占位程序：尚未安装命令行工具（Command Line Tools），可以用以下命令安装：xcode-select --install。</translation>
        </message>
        <message>
            <source>This file cannot be run: it is not marked as a program, or access to it is denied.</source>
            <translation>无法运行该文件：它没有被标记为可执行程序，或者没有访问权限。</translation>
        </message>
        <message>
            <source>This file is not a program this computer can run.</source>
            <translation>该文件不是这台电脑能运行的程序。</translation>
        </message>
        <message>
            <source>It could not be started: {detail}</source>
            <translation>无法启动它：{detail}</translation>
        </message>
        <message>
            <source>It did not answer within {seconds} seconds.</source>
            <translation>它在 {seconds} 秒内没有响应。</translation>
        </message>
        <message>
            <source>It printed endless output instead of answering like Python does.</source>
            <translation>它不停地输出内容，没有像 Python 那样正常回应。</translation>
        </message>
        <message>
            <source>This is only the Microsoft Store shortcut, not an installed Python.</source>
            <translation>这只是 Microsoft Store 的快捷方式，并不是已安装的 Python。</translation>
        </message>
        <message>
            <source>It stopped with an error (exit code {code}): {detail}</source>
            <translation>它因出错而停止（退出代码 {code}）：{detail}</translation>
        </message>
        <message>
            <source>It stopped with an error (exit code {code}).</source>
            <translation>它因出错而停止（退出代码 {code}）。</translation>
        </message>
        <message>
            <source>It ran but did not answer like Python does. It printed: {detail}</source>
            <translation>它运行了，但没有像 Python 那样正常回应。它输出了：{detail}</translation>
        </message>
        <message>
            <source>It ran but did not answer like Python does.</source>
            <translation>它运行了，但没有像 Python 那样正常回应。</translation>
        </message>
        <message>
            <source>This is not a working Python: {error}</source>
            <translation>这不是一个能正常使用的 Python：{error}</translation>
        </message>
        <message>
            <source>{name} is not supported by PyTorch: use the regular Python (CPython) from python.org.</source>
            <translation>PyTorch 不支持 {name}：请使用 python.org 提供的标准 Python（CPython）。</translation>
        </message>
        <message>
            <source>32-bit Python cannot run PyTorch: install the 64-bit version.</source>
            <translation>32 位 Python 无法运行 PyTorch：请安装 64 位版本。</translation>
        </message>
        <message>
            <source>This is an Intel build of Python running through Rosetta on an Apple Silicon Mac: install the Apple Silicon (universal2) Python from python.org instead.</source>
            <translation>这是在 Apple Silicon Mac 上通过 Rosetta 运行的 Intel 版 Python：请改为从 python.org 安装 Apple Silicon（universal2）版 Python。</translation>
        </message>
        <message>
            <source>This Mac has an Intel processor: PyTorch stopped making versions for it after {torch}, and that version is not in the wizard's data.</source>
            <translation>这台 Mac 使用 Intel 处理器：PyTorch 在 {torch} 之后就不再为它提供新版本，而向导的数据中没有那个版本。</translation>
        </message>
        <message>
            <source>This Mac has an Intel processor: the newest PyTorch for it is {torch}, which needs Python {min} to {max} (not free-threaded). This is Python {version}.</source>
            <translation>这台 Mac 使用 Intel 处理器：适用于它的最新 PyTorch 是 {torch}，需要 Python {min} 到 {max}（不能是自由线程版本）。而这个是 Python {version}。</translation>
        </message>
        <message>
            <source>This Mac has an Intel processor: the newest PyTorch for it is {torch} (Python {min} to {max}).</source>
            <translation>这台 Mac 使用 Intel 处理器：适用于它的最新 PyTorch 是 {torch}（Python {min} 到 {max}）。</translation>
        </message>
        <message>
            <source>PyTorch {newest} needs Python {min} or newer; {torch} is the last PyTorch release for Python {version}. A newer Python gets newer PyTorch.</source>
            <translation>PyTorch {newest} 需要 Python {min} 或更新的版本；{torch} 是支持 Python {version} 的最后一个 PyTorch 版本。换用更新的 Python 就能用上更新的 PyTorch。</translation>
        </message>
        <message>
            <source>Python {version} is too old: PyTorch {torch} needs Python {min} to {max}.</source>
            <translation>Python {version} 太旧了：PyTorch {torch} 需要 Python {min} 到 {max}。</translation>
        </message>
        <message>
            <source>Python {version} is too new: PyTorch {torch} supports Python {min} to {max}.</source>
            <translation>Python {version} 太新了：PyTorch {torch} 支持 Python {min} 到 {max}。</translation>
        </message>
        <message>
            <source>This is a free-threaded build of Python {version} (python{version}t): PyTorch {torch} has no wheels for it. Use the regular python{version}.</source>
            <translation>这是 Python {version} 的自由线程版本（python{version}t）：PyTorch {torch} 没有为它提供安装包（wheel）。请使用普通的 python{version}。</translation>
        </message>
        <message>
            <source>This is an ARM64 Windows Python: PyTorch for it is CPU-only and comes for fewer Python versions.</source>
            <translation>这是 ARM64 Windows 版的 Python：适用于它的 PyTorch 只有仅 CPU 版本，而且支持的 Python 版本更少。</translation>
        </message>
        <message>
            <source>This Python cannot create virtual environments (its venv support is not installed). On Debian or Ubuntu: sudo apt install python{version}-venv</source>
            <translation>这个 Python 无法创建虚拟环境（没有安装它的 venv 支持）。在 Debian 或 Ubuntu 上：sudo apt install python{version}-venv</translation>
        </message>
        <message>
            <source>This Python cannot create virtual environments (its venv or ensurepip module is missing): reinstall Python from python.org.</source>
            <translation>这个 Python 无法创建虚拟环境（缺少 venv 或 ensurepip 模块）：请从 python.org 重新安装 Python。</translation>
        </message>
        <message>
            <source>Python {version} works with PyTorch {torch}.</source>
            <translation>Python {version} 可以配合 PyTorch {torch} 使用。</translation>
        </message>
        <message>
            <source>This is a free-threaded build: PyTorch has wheels for it, but many other packages don't yet.</source>
            <translation>这是自由线程版本：PyTorch 为它提供了安装包（wheel），但许多其他软件包暂时还没有。</translation>
        </message>
        <message>
            <source>It is managed by the system, which blocks installing packages into it. That's fine: the wizard always makes a new virtual environment.</source>
            <translation>它由系统管理，系统不允许往里面安装软件包。这没关系：向导总是会新建一个虚拟环境。</translation>
        </message>
        <message>
            <source>It is a conda environment: it can be the base of the new environment, but a regular Python installation is preferred.</source>
            <translation>它是一个 conda 环境：可以作为新环境的基础，但更推荐使用常规安装的 Python。</translation>
        </message>
        <message>
            <source>It is a virtual environment: it can be the base of the new environment, but a regular Python installation is preferred.</source>
            <translation>它是一个虚拟环境：可以作为新环境的基础，但更推荐使用常规安装的 Python。</translation>
        </message>
        <message>
            <source>Microsoft Store Python works, but the python.org version causes fewer problems.</source>
            <translation>Microsoft Store 版 Python 可以使用，但 python.org 版本出的问题更少。</translation>
        </message>
        <message>
            <source>Python {version} is the newest supported version: some other packages may not have caught up yet.</source>
            <translation>Python {version} 是受支持的最新版本：其他一些软件包可能还没来得及跟上。</translation>
        </message>
        <message>
            <source>Not working ({source})</source>
            <translation>无法使用（{source}）</translation>
        </message>
        <message>
            <source>Python {version} ({bits}-bit, {source})</source>
            <translation>Python {version}（{bits} 位，{source}）</translation>
        </message>
    </context>
    <context>
        <name>Journal</name>
        <message>
            <source>The unfinished environment in {path} was removed.</source>
            <translation>{path} 中未完成的环境已删除。</translation>
        </message>
        <message>
            <source>What the wizard put into {path} was removed; the folder itself was there before, so it was kept.</source>
            <translation>向导放进 {path} 的东西已删除；这个文件夹本来就在，所以保留了它。</translation>
        </message>
        <message>
            <source>There was nothing to remove in {path}.</source>
            <translation>{path} 中没有需要删除的东西。</translation>
        </message>
        <message>
            <source>The unfinished environment in {path} could not be removed completely ({error}). Close programs that may use it and delete the folder yourself.</source>
            <translation>{path} 中未完成的环境没能完全删除（{error}）。请关掉可能在使用它的程序，然后自己删除这个文件夹。</translation>
        </message>
        <message>
            <source>The wizard has no proof that it made {path} (it may come from an older version of the wizard, or the install was cut short while it was being made), so it was left as it is. Delete it yourself if you do not need it.</source>
            <translation>向导无法确认 {path} 是它创建的（可能来自旧版本的向导，或者在创建时安装被中断了），所以保持原样。如果不需要，请自己删除。</translation>
        </message>
        <message>
            <source>{path} has changed since the wizard made it (its files are not only the wizard's), so it was left as it is. Nothing in it was deleted.</source>
            <translation>{path} 在向导创建之后被改动过（里面不只有向导的文件），所以保持原样，里面的东西都没有删除。</translation>
        </message>
    </context>
    <context>
        <name>Kit</name>
        <message>
            <source>“{target}” is not a target. Write it as system-processor-python-build, for example windows-x86_64-py3.12-cpu or linux-x86_64-py3.12-cu130, or use “auto” for this computer.</source>
            <translation>“{target}”不是一个目标。请写成“系统-处理器-Python版本-版本类型”，例如 windows-x86_64-py3.12-cpu 或 linux-x86_64-py3.12-cu130；要给这台电脑用，请写“auto”。</translation>
        </message>
        <message>
            <source>“{variant}” is not a PyTorch build the wizard knows. Known builds: {known}.</source>
            <translation>向导不认识“{variant}”这个 PyTorch 版本。已知的版本有：{known}。</translation>
        </message>
        <message>
            <source>There is no PyTorch for {target}: {why}</source>
            <translation>{target} 没有可用的 PyTorch：{why}</translation>
        </message>
        <message>
            <source>No PyTorch build can be chosen for this computer: {why}</source>
            <translation>无法为这台电脑选出 PyTorch 版本：{why}</translation>
        </message>
        <message>
            <source>“{source}” is not a package source. Use default, index:URL, wheels:FOLDER or kit:FOLDER.</source>
            <translation>“{source}”不是一个下载来源。请用 default、index:网址、wheels:文件夹 或 kit:文件夹。</translation>
        </message>
        <message>
            <source>The folder {path} does not exist or cannot be read.</source>
            <translation>文件夹 {path} 不存在，或者无法读取。</translation>
        </message>
        <message>
            <source>The folder {path} has no {project} wheel for {target}, so that target cannot be made from it.</source>
            <translation>文件夹 {path} 里没有适合 {target} 的 {project} 安装包（wheel），所以不能用它来做这个目标。</translation>
        </message>
        <message>
            <source>The folder {path} already holds an index.html that is not part of a kit. Choose an empty folder or a kit folder.</source>
            <translation>文件夹 {path} 里已经有一个不属于安装包合集的 index.html。请选一个空文件夹，或者一个已有的安装包合集文件夹。</translation>
        </message>
        <message>
            <source>The wizard cannot write to {path}: {why}</source>
            <translation>向导无法写入 {path}：{why}</translation>
        </message>
        <message>
            <source>{where} is not a PyTorch kit: it has no kit.json. Choose the kit's own folder.</source>
            <translation>{where} 不是 PyTorch 安装包合集：里面没有 kit.json。请选择合集本身所在的文件夹。</translation>
        </message>
        <message>
            <source>The kit's kit.json cannot be read: {why}</source>
            <translation>无法读取合集里的 kit.json：{why}</translation>
        </message>
        <message>
            <source>This kit was made by a newer version of the wizard. Use that version to install from it.</source>
            <translation>这个合集是用更新版本的向导做的。请用那个版本的向导来安装。</translation>
        </message>
        <message>
            <source>The kit at {where} could not be reached: {why}. Check the address and that the server is on.</source>
            <translation>无法连接到 {where} 上的合集：{why}。请检查地址，并确认服务器已经开着。</translation>
        </message>
        <message>
            <source>The kit is incomplete: the file {name} is missing. Copy the kit again.</source>
            <translation>合集不完整：缺少文件 {name}。请重新复制一次合集。</translation>
        </message>
        <message>
            <source>The file {name} in the kit has the wrong size (damaged or cut short while copying). Copy the kit again.</source>
            <translation>合集里的文件 {name} 大小不对（已损坏，或复制时没有复制完）。请重新复制一次合集。</translation>
        </message>
        <message>
            <source>The file {name} in the kit is damaged: its checksum (sha256) is not the one in kit.json. Copy the kit again.</source>
            <translation>合集里的文件 {name} 已损坏：它的校验值（sha256）和 kit.json 里记录的不一样。请重新复制一次合集。</translation>
        </message>
        <message>
            <source>The kit's server does not offer the file {name} with the checksum in kit.json.</source>
            <translation>合集的服务器没有提供校验值与 kit.json 一致的文件 {name}。</translation>
        </message>
        <message>
            <source>The kit has nothing for this computer ({computer}). It has: {has}.</source>
            <translation>这个合集里没有适合这台电脑（{computer}）的内容。它包含的是：{has}。</translation>
        </message>
        <message>
            <source>The kit has nothing for Python {python} on this computer, but it has PyTorch for Python {pythons}. Choose that Python on the Python page.</source>
            <translation>这个合集里没有适合这台电脑上 Python {python} 的内容，但有适合 Python {pythons} 的 PyTorch。请在 Python 页面选择那个 Python。</translation>
        </message>
        <message>
            <source>The kit has builds for this computer, but none of them can run here: {why}</source>
            <translation>这个合集里有给这台电脑的版本，但没有一个能在这里运行：{why}</translation>
        </message>
        <message>
            <source>The kit has no {wanted} build, which would use this computer's GPU; it installs the CPU-only build ({target}) instead.</source>
            <translation>这个合集里没有能用上这台电脑显卡的 {wanted} 版本，所以改为安装只用 CPU 的版本（{target}）。</translation>
        </message>
        <message>
            <source>The kit has PyTorch for this computer: {target}.</source>
            <translation>这个合集里有适合这台电脑的 PyTorch：{target}。</translation>
        </message>
        <message>
            <source>pip finished but the wizard cannot find the file it fetched for {requirement}.</source>
            <translation>pip 已经完成，但向导找不到它为 {requirement} 下载的文件。</translation>
        </message>
        <message>
            <source>The dependencies of {target} did not settle after {rounds} rounds; the kit is not complete.</source>
            <translation>{target} 的依赖包经过 {rounds} 轮仍没有确定下来；合集还不完整。</translation>
        </message>
        <message>
            <source>The folder has no torchvision for {target}; the kit is made without it.</source>
            <translation>文件夹里没有适合 {target} 的 torchvision；合集里将不包含它。</translation>
        </message>
        <message>
            <source>it is a file, not a folder</source>
            <translation>这是一个文件，不是文件夹</translation>
        </message>
    </context>
    <context>
        <name>KitCli</name>
        <message>
            <source>Download about {size}? [y/N] </source>
            <translation>要下载大约 {size} 吗？[y/N] </translation>
        </message>
        <message>
            <source>Stopped. What was finished stays in the kit; run the same command to go on.</source>
            <translation>已停止。已经完成的部分会留在合集里；再运行同一条命令即可继续。</translation>
        </message>
        <message>
            <source>No Python with pip was found to download with. Name one with --python PATH.</source>
            <translation>没有找到带 pip 的 Python 来下载。请用 --python 路径 指定一个。</translation>
        </message>
        <message>
            <source>{target}: torch {torch}, about {size} to download ({have} already in the kit)</source>
            <translation>{target}：torch {torch}，大约要下载 {size}（合集里已有 {have}）</translation>
        </message>
        <message>
            <source>Nothing was downloaded.</source>
            <translation>什么也没有下载。</translation>
        </message>
        <message>
            <source>{target}: ready ({files} files, {size})</source>
            <translation>{target}：已完成（{files} 个文件，{size}）</translation>
        </message>
        <message>
            <source>{target}: fetching {what}</source>
            <translation>{target}：正在下载 {what}</translation>
        </message>
        <message>
            <source>The kit is ready in {path}: {targets} ({size}).</source>
            <translation>合集已做好，在 {path}：{targets}（{size}）。</translation>
        </message>
    </context>
    <context>
        <name>KitDialog</name>
        <message>
            <source>a folder of .whl files</source>
            <translation>装有 .whl 文件的文件夹</translation>
        </message>
        <message>
            <source>Folder for the kit</source>
            <translation>合集的文件夹</translation>
        </message>
        <message>
            <source>This computer (found when you press Start)</source>
            <translation>这台电脑（按“开始”后自动检测）</translation>
        </message>
        <message>
            <source>{target} — already in the kit</source>
            <translation>{target} —— 已在合集里</translation>
        </message>
        <message>
            <source>{target} — PyTorch {torch}, about {size}</source>
            <translation>{target} —— PyTorch {torch}，大约 {size}</translation>
        </message>
        <message>
            <source>To download for the ticked computers: about {size}.</source>
            <translation>勾选的电脑一共要下载：大约 {size}。</translation>
        </message>
        <message>
            <source>Windows</source>
            <translation>Windows</translation>
        </message>
        <message>
            <source>Linux</source>
            <translation>Linux</translation>
        </message>
        <message>
            <source>Mac</source>
            <translation>Mac</translation>
        </message>
        <message>
            <source>Intel/AMD</source>
            <translation>Intel/AMD</translation>
        </message>
        <message>
            <source>ARM</source>
            <translation>ARM</translation>
        </message>
        <message>
            <source>{system} ({cpu}), Python {python}, {build}</source>
            <translation>{system}（{cpu}），Python {python}，{build}</translation>
        </message>
        <message>
            <source>Choose a folder for the kit first (an empty folder or a kit to add to).</source>
            <translation>请先为合集选一个文件夹（一个空文件夹，或者一个要往里添加内容的合集）。</translation>
        </message>
        <message>
            <source>Tick at least one computer the kit is for.</source>
            <translation>请至少勾选一种要用这个合集的电脑。</translation>
        </message>
        <message>
            <source>Getting ready: choosing the builds and checking the folder…</source>
            <translation>正在准备：选择版本并检查文件夹……</translation>
        </message>
        <message>
            <source>No Python with pip was found to download with.</source>
            <translation>没有找到带 pip 的 Python 来下载。</translation>
        </message>
        <message>
            <source>Downloading about {size}…</source>
            <translation>正在下载，大约 {size}……</translation>
        </message>
        <message>
            <source>{target}: fetching {what}</source>
            <translation>{target}：正在下载 {what}</translation>
        </message>
        <message>
            <source>The kit is ready: {targets} ({size}). Copy the whole folder to the other computers (a USB stick works), or serve it to a classroom with “python -m http.server” in the folder.</source>
            <translation>合集已做好：{targets}（{size}）。把整个文件夹复制到其他电脑上（用 U 盘就行），或者在这个文件夹里运行“python -m http.server”，让整个教室通过网络使用它。</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>正在停止……</translation>
        </message>
        <message>
            <source>Stopped. What was finished stays in the folder; press Start again to go on from there.</source>
            <translation>已停止。已经完成的部分会留在文件夹里；再按“开始”就能从那里继续。</translation>
        </message>
        <message>
            <source>The kit could not be finished: {why} What was finished stays in the folder; press Start to try again.</source>
            <translation>合集没能完成：{why} 已经完成的部分会留在文件夹里；按“开始”再试一次。</translation>
        </message>
        <message>
            <source>Prepare PyTorch for other computers</source>
            <translation>为其他电脑准备 PyTorch</translation>
        </message>
        <message>
            <source>Download PyTorch once for many computers, for example a classroom or a friend with a slow connection. Tick the computers it is for; the wizard chooses the right build for each, as it does for an install. Then copy the folder (a USB stick works) and choose it on the other computers' Review page.</source>
            <translation>只下载一次 PyTorch，就能给很多电脑用，比如整个教室，或者网速很慢的朋友。勾选要用它的电脑；向导会像安装时一样，为每种电脑选出合适的版本。然后复制这个文件夹（用 U 盘就行），在其他电脑的“确认”页面选择它。</translation>
        </message>
        <message>
            <source>Kit folder:</source>
            <translation>合集文件夹：</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览……</translation>
        </message>
        <message>
            <source>Python on those computers:</source>
            <translation>那些电脑上的 Python：</translation>
        </message>
        <message>
            <source>Download from:</source>
            <translation>下载来源：</translation>
        </message>
        <message>
            <source>PyTorch's download server</source>
            <translation>PyTorch 的下载服务器</translation>
        </message>
        <message>
            <source>A mirror (address)</source>
            <translation>镜像（网址）</translation>
        </message>
        <message>
            <source>A folder of wheel files</source>
            <translation>装有 wheel 文件的文件夹</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Another computer, written as system-processor-python-build</source>
            <translation>另一种电脑，写成“系统-处理器-Python版本-版本类型”</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
    </context>
    <context>
        <name>LogView</name>
        <message>
            <source>Hide details</source>
            <translation>隐藏详细信息</translation>
        </message>
        <message>
            <source>Show details</source>
            <translation>显示详细信息</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Login for the package index</source>
            <translation>软件包索引的登录信息</translation>
        </message>
        <message>
            <source>The unfinished install gets its packages from {url}, which needs a login. The wizard never saves passwords, so type it again to finish installing. It is used only for this install and is not written anywhere.</source>
            <translation>这次没装完的安装要从 {url} 下载软件包，那里需要登录。向导从不保存密码，所以请再输入一次，才能把安装完成。它只用于这次安装，不会写到任何地方。</translation>
        </message>
        <message>
            <source>Only a token (no user name)? Leave the user name empty and put the token in the password field.</source>
            <translation>只有访问令牌、没有用户名？把用户名留空，把令牌填进密码框。</translation>
        </message>
        <message>
            <source>User name:</source>
            <translation>用户名：</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>密码：</translation>
        </message>
        <message>
            <source>Finish installing</source>
            <translation>完成安装</translation>
        </message>
    </context>
    <context>
        <name>LossCurve</name>
        <message>
            <source>Loss curve</source>
            <translation>损失曲线</translation>
        </message>
        <message>
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <source>training step (0 to {last})</source>
            <translation>训练步数（0 到 {last}）</translation>
        </message>
        <message>
            <source>The curve appears here during training.</source>
            <translation>训练时，曲线会显示在这里。</translation>
        </message>
    </context>
    <context>
        <name>ManagerPage</name>
        <message>
            <source>Choose a conda installation.</source>
            <translation>请选择一个 conda 安装位置。</translation>
        </message>
        <message>
            <source>The environment's folder has non-ASCII characters, which some conda packages cannot handle: {path}</source>
            <translation>环境所在的文件夹路径中含有非 ASCII 字符（例如中文），有些 conda 软件包无法处理：{path}</translation>
        </message>
        <message>
            <source>A new conda environment “{name}” will be created in {path}.</source>
            <translation>将在 {path} 创建一个新的 conda 环境“{name}”。</translation>
        </message>
        <message>
            <source>A new environment will be created in {path}.</source>
            <translation>将在 {path} 创建一个新环境。</translation>
        </message>
        <message>
            <source>Choose the folder for the new environment</source>
            <translation>选择新环境所在的文件夹</translation>
        </message>
        <message>
            <source>Where to install</source>
            <translation>安装位置</translation>
        </message>
        <message>
            <source>PyTorch goes into a new environment: a folder with its own copy of Python and packages, so nothing else on this computer is changed.</source>
            <translation>PyTorch 会安装到一个新环境中：这是一个文件夹，里面有自己的一份 Python 和软件包，所以这台电脑上的其他东西都不会被改动。</translation>
        </message>
        <message>
            <source>Package manager</source>
            <translation>软件包管理器</translation>
        </message>
        <message>
            <source>pip, in a new virtual environment (recommended)</source>
            <translation>pip，安装到新的虚拟环境中（推荐）</translation>
        </message>
        <message>
            <source>pip is the installer that comes with Python. Nothing else is needed.</source>
            <translation>pip 是 Python 自带的安装工具，不需要再装其他东西。</translation>
        </message>
        <message>
            <source>conda, in a new conda environment</source>
            <translation>conda，安装到新的 conda 环境中</translation>
        </message>
        <message>
            <source>Looking for conda…</source>
            <translation>正在查找 conda…</translation>
        </message>
        <message>
            <source>For learners who already use Anaconda, Miniconda or Miniforge (for example for a course). Your existing conda environments are not changed.</source>
            <translation>适合已经在使用 Anaconda、Miniconda 或 Miniforge 的学习者（例如上课需要）。你现有的 conda 环境不会被改动。</translation>
        </message>
        <message>
            <source>conda was not found on this computer. conda is another package manager, from Anaconda, Miniconda or Miniforge; you do not need it: pip needs nothing more.</source>
            <translation>这台电脑上没有找到 conda。conda 是另一种软件包管理器，来自 Anaconda、Miniconda 或 Miniforge；你并不需要它：用 pip 安装不需要任何额外的东西。</translation>
        </message>
        <message>
            <source>You already have a PyTorch environment</source>
            <translation>你已经有一个 PyTorch 环境了</translation>
        </message>
        <message>
            <source>An earlier run started installing PyTorch into {path} but did not finish. Finish that one, or make a new environment next to it (another full copy of PyTorch on the disk)?</source>
            <translation>上一次运行开始把 PyTorch 安装到 {path}，但没有装完。是把它装完，还是在旁边再建一个新环境（磁盘上会多一整份 PyTorch）？</translation>
        </message>
        <message>
            <source>An earlier run already installed PyTorch into {path}. Use that one, or make a new environment next to it (another full copy of PyTorch on the disk)?</source>
            <translation>之前已经把 PyTorch 安装到了 {path}。是用这个，还是在旁边再建一个新环境（磁盘上会多一整份 PyTorch）？</translation>
        </message>
        <message>
            <source>Make a new one</source>
            <translation>新建一个</translation>
        </message>
        <message>
            <source>Finish the earlier one</source>
            <translation>把上次的装完</translation>
        </message>
        <message>
            <source>Use it</source>
            <translation>用这个</translation>
        </message>
        <message>
            <source>conda installation:</source>
            <translation>conda 安装位置：</translation>
        </message>
        <message>
            <source>Name of the new environment (letters, digits, - and _):</source>
            <translation>新环境的名称（字母、数字、- 和 _）：</translation>
        </message>
        <message>
            <source>Folder for the new environment (it must be new or empty):</source>
            <translation>新环境所在的文件夹（必须是新建的或空的）：</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
    </context>
    <context>
        <name>Plan</name>
        <message>
            <source>The wheel folder has no torchvision for this Python, so only torch will be installed.</source>
            <translation>wheel 文件夹里没有适合这个 Python 的 torchvision，因此只会安装 torch。</translation>
        </message>
        <message>
            <source>Create the new environment</source>
            <extracomment>Steps that download and print pip's (or conda's) progress; the proxy and pip's timeout go to these. Steps whose output is conda's NUL-separated JSON (``CondaProgress`` reads it).</extracomment>
            <translation>创建新环境</translation>
        </message>
        <message>
            <source>Update pip, the package installer</source>
            <translation>更新 pip（软件包安装工具）</translation>
        </message>
        <message>
            <source>Download and install PyTorch</source>
            <translation>下载并安装 PyTorch</translation>
        </message>
        <message>
            <source>Check that PyTorch works</source>
            <translation>检查 PyTorch 能否正常运行</translation>
        </message>
        <message>
            <source>Install the CUDA compiler (nvcc)</source>
            <translation>安装 CUDA 编译器（nvcc）</translation>
        </message>
        <message>
            <source>Install JupyterLab (notebooks in the browser)</source>
            <translation>安装 JupyterLab（在浏览器里用的笔记本）</translation>
        </message>
        <message>
            <source>Create the new conda environment</source>
            <translation>创建新的 conda 环境</translation>
        </message>
        <message>
            <source>Download and install PyTorch from conda-forge</source>
            <translation>从 conda-forge 下载并安装 PyTorch</translation>
        </message>
        <message>
            <source>Install the right build of PyTorch</source>
            <translation>安装正确版本的 PyTorch</translation>
        </message>
        <message>
            <source>The wheel folder holds another version of PyTorch than the one chosen: the folder's version is installed.</source>
            <translation>安装包文件夹里的 PyTorch 版本和所选的不同：将安装文件夹里的版本。</translation>
        </message>
        <message>
            <source>Type the address of the package index.</source>
            <translation>请输入软件包索引（镜像源）的地址。</translation>
        </message>
        <message>
            <source>This is not a web address. It should look like https://example.org/simple</source>
            <translation>这不是一个网址。网址应该类似于 https://example.org/simple</translation>
        </message>
        <message>
            <source>A web address cannot contain spaces.</source>
            <translation>网址中不能包含空格。</translation>
        </message>
        <message>
            <source>This address uses http, not https: downloads are not encrypted and could be changed on the way. Use it only on a network you trust.</source>
            <translation>这个地址使用的是 http 而不是 https：下载内容没有加密，可能在传输途中被篡改。请只在你信任的网络中使用。</translation>
        </message>
        <message>
            <source>Choose the folder that holds the wheel files (names ending in .whl).</source>
            <translation>请选择存放 wheel 文件（文件名以 .whl 结尾）的文件夹。</translation>
        </message>
        <message>
            <source>This folder has no PyTorch wheel (a file named torch-….whl).</source>
            <translation>这个文件夹里没有 PyTorch 的 wheel 文件（文件名类似 torch-….whl）。</translation>
        </message>
        <message>
            <source>The PyTorch files in this folder are for another Python or another kind of computer: {found}. This Python is {major}.{minor}.</source>
            <translation>这个文件夹里的 PyTorch 文件适用于其他 Python 版本或其他类型的电脑：{found}。当前 Python 版本是 {major}.{minor}。</translation>
        </message>
        <message>
            <source>This is not a proxy address. It looks like proxy.example.edu:8080 or http://proxy.example.edu:8080</source>
            <translation>这不是代理地址。代理地址类似 proxy.example.edu:8080 或 http://proxy.example.edu:8080</translation>
        </message>
    </context>
    <context>
        <name>Precheck</name>
        <message>
            <source>the new environment</source>
            <translation>新环境</translation>
        </message>
        <message>
            <source>temporary files while installing</source>
            <translation>安装时的临时文件</translation>
        </message>
        <message>
            <source>pip's download cache</source>
            <translation>pip 的下载缓存</translation>
        </message>
    </context>
    <context>
        <name>PythonPage</name>
        <message>
            <source>Choose a Python program</source>
            <translation>选择一个 Python 程序</translation>
        </message>
        <message>
            <source>Checking {path}…</source>
            <translation>正在检查 {path}…</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>(32-bit)</source>
            <translation>（32 位）</translation>
        </message>
        <message>
            <source>(free-threaded)</source>
            <translation>（自由线程版）</translation>
        </message>
        <message>
            <source>Can run PyTorch</source>
            <translation>可以运行 PyTorch</translation>
        </message>
        <message>
            <source>Not usable</source>
            <translation>不可用</translation>
        </message>
        <message>
            <source>&lt;b&gt;Python {version}&lt;/b&gt; — {source}</source>
            <translation>&lt;b&gt;Python {version}&lt;/b&gt; — {source}</translation>
        </message>
        <message numerus="yes">
            <source>Looking for Python on this computer… found %n so far.</source>
            <translation>
                <numerusform>正在查找这台电脑上的 Python…目前已找到 %n 个。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Found %n Python installation(s).</source>
            <translation>
                <numerusform>找到了 %n 个 Python 安装。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n can run PyTorch.</source>
            <translation>
                <numerusform>其中 %n 个可以运行 PyTorch。</numerusform>
            </translation>
        </message>
        <message>
            <source>Choose a Python</source>
            <translation>选择 Python</translation>
        </message>
        <message>
            <source>PyTorch runs inside Python. These are the Python installations on this computer; the best one is already selected.</source>
            <translation>PyTorch 需要在 Python 中运行。下面列出了这台电脑上安装的 Python，最合适的一个已经帮你选好了。</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Can it run PyTorch?</source>
            <translation>能否运行 PyTorch？</translation>
        </message>
        <message>
            <source>Installed by</source>
            <translation>安装来源</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>位置</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Add a Python program that is not in the list</source>
            <translation>添加一个不在列表中的 Python 程序</translation>
        </message>
    </context>
    <context>
        <name>ReviewChecks</name>
        <message>
            <source>(free-threaded)</source>
            <translation>（自由线程版）</translation>
        </message>
        <message>
            <source>{system}, Python {python}, {build}</source>
            <translation>{system}，Python {python}，{build}</translation>
        </message>
        <message>
            <source>nothing complete</source>
            <translation>没有完整的内容</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <source>Install</source>
            <translation>安装</translation>
        </message>
        <message>
            <source>The wizard could not check these choices. Change the source above, or go Back and choose again; Save report… keeps the details for help.</source>
            <translation>向导没能检查这些选择。请换一个上面的来源，或者点“上一步”重新选择；“保存报告…”会保存详细信息，方便求助。</translation>
        </message>
        <message>
            <source>A folder name cannot contain that invisible character (NUL).</source>
            <translation>文件夹名称里不能有这个看不见的字符（NUL）。</translation>
        </message>
        <message>
            <source>This mirror does not have PyTorch {torch} for this computer yet (mirrors are sometimes days behind). Use the PyTorch download server or a folder of wheel files instead, or try the mirror again later.</source>
            <translation>这个镜像还没有适合这台电脑的 PyTorch {torch}（镜像有时会晚几天）。请改用 PyTorch 下载服务器或存放 wheel 文件的文件夹，或者过一会儿再试这个镜像。</translation>
        </message>
        <message>
            <source>Download: about {size}.</source>
            <translation>下载大小：约 {size}。</translation>
        </message>
        <message>
            <source>Nothing is downloaded: the files come from the folder.</source>
            <translation>无需下载：文件直接来自该文件夹。</translation>
        </message>
        <message>
            <source>The new environment needs about {size}.</source>
            <translation>新环境大约需要 {size}。</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>Free space in {path}: {free} (needed: {need}, for {uses}).</source>
            <translation>{path} 的剩余空间：{free}（需要：{need}，用于{uses}）。</translation>
        </message>
        <message>
            <source>Also install JupyterLab, about {size} more</source>
            <translation>同时安装 JupyterLab，多下载大约 {size}</translation>
        </message>
        <message>
            <source>Notebooks: write and run code in your web browser, step by step.</source>
            <translation>笔记本：在网页浏览器里一步一步地写代码、运行代码。</translation>
        </message>
        <message>
            <source>There is not enough free space in {path}: free up {size} there, or go back and choose a folder on another drive.</source>
            <translation>{path} 的剩余空间不够：请在那里释放 {size} 空间，或者返回上一步，选择其他磁盘上的文件夹。</translation>
        </message>
        <message>
            <source>the newest</source>
            <translation>最新版</translation>
        </message>
        <message>
            <source>Python {version} from conda-forge</source>
            <translation>来自 conda-forge 的 Python {version}</translation>
        </message>
        <message>
            <source>Python {version} from {path}</source>
            <translation>来自 {path} 的 Python {version}</translation>
        </message>
        <message>
            <source>New environment: &lt;b&gt;{env}&lt;/b&gt;</source>
            <translation>新环境：&lt;b&gt;{env}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>The mirror is checked when you have finished typing its address.</source>
            <translation>输入完镜像地址后，向导才会检查它。</translation>
        </message>
        <message>
            <source>Choose the folder with the wheel files, or a kit's folder</source>
            <translation>选择存放 wheel 文件的文件夹，或者套件的文件夹</translation>
        </message>
        <message>
            <source>Checking every file of the kit against its list (kit.json)…</source>
            <translation>正在按照套件的文件清单（kit.json）逐个检查套件里的文件…</translation>
        </message>
        <message>
            <source>This package index does not have torchvision {wanted}. It has torchvision {found}, which is made for PyTorch {torch}: that one is installed.</source>
            <translation>这个软件包索引没有 torchvision {wanted}。它有为 PyTorch {torch} 制作的 torchvision {found}：会安装这个。</translation>
        </message>
        <message>
            <source>Checking the wheel files in the folder…</source>
            <translation>正在检查文件夹里的 wheel 文件…</translation>
        </message>
        <message>
            <source>Every wheel file in the folder is complete and undamaged ({count} files).</source>
            <translation>文件夹里的每个 wheel 文件都完整无损（共 {count} 个文件）。</translation>
        </message>
        <message>
            <source>Checking every byte of the files…</source>
            <translation>正在逐字节检查这些文件…</translation>
        </message>
        <message>
            <source>Checking every file of the kit against kit.json: {name} ({n} of {count})…</source>
            <translation>正在按照 kit.json 检查套件里的每个文件：{name}（第 {n} 个，共 {count} 个）…</translation>
        </message>
        <message>
            <source>Checking every byte of the wheel files: {name} ({n} of {count}). You can press Install meanwhile; a damaged file is named here.</source>
            <translation>正在逐字节检查 wheel 文件：{name}（第 {n} 个，共 {count} 个）。你现在就可以按“安装”；如果有损坏的文件，会在这里写出它的名字。</translation>
        </message>
        <message>
            <source>The kit has PyTorch for this computer ({target}), and every file matches kit.json.</source>
            <translation>这个套件里有适合这台电脑的 PyTorch（{target}），而且每个文件都和 kit.json 对得上。</translation>
        </message>
        <message>
            <source>This kit has nothing for Python {python}, the Python chosen for the new environment. It has: {has}. Go back and choose that Python, or use another source.</source>
            <translation>这个套件里没有适合 Python {python}（为新环境选的 Python）的文件。它有：{has}。请返回选择那个 Python，或者改用别的来源。</translation>
        </message>
        <message>
            <source>This kit has PyTorch for this kind of computer, but none of its builds can run here ({why}). It has: {has}.</source>
            <translation>这个套件里有适合这类电脑的 PyTorch，但其中没有一个版本能在这里运行（{why}）。它有：{has}。</translation>
        </message>
        <message>
            <source>This kit has nothing for this computer ({computer}). It has: {has}. Ask for a kit made for this computer, or use another source.</source>
            <translation>这个套件里没有适合这台电脑（{computer}）的文件。它有：{has}。请找人要一个为这台电脑制作的套件，或者改用别的来源。</translation>
        </message>
        <message>
            <source>There is no torchvision for this PyTorch build.</source>
            <translation>这个 PyTorch 版本没有对应的 torchvision。</translation>
        </message>
        <message>
            <source>The kit has no torchvision for this computer, so it is not installed.</source>
            <translation>这个套件里没有适合这台电脑的 torchvision，所以不会安装它。</translation>
        </message>
        <message>
            <source>The wheel folder has no torchvision for this Python, so it is not installed.</source>
            <translation>这个 wheel 文件夹里没有适合这个 Python 的 torchvision，所以不会安装它。</translation>
        </message>
        <message>
            <source>The package index has no torchvision {version}, and none made for PyTorch {torch}, so only PyTorch is installed.</source>
            <translation>这个软件包索引没有 torchvision {version}，也没有为 PyTorch {torch} 制作的 torchvision，所以只安装 PyTorch。</translation>
        </message>
        <message>
            <source>Install anyway</source>
            <translation>仍然安装</translation>
        </message>
        <message>
            <source>Hide the exact commands</source>
            <translation>隐藏具体命令</translation>
        </message>
        <message>
            <source>Details: the exact commands</source>
            <translation>详细信息：具体命令</translation>
        </message>
        <message>
            <source>conda-forge's PyTorch packages (conda install)</source>
            <translation>conda-forge 提供的 PyTorch 软件包（conda install）</translation>
        </message>
        <message>
            <source>PyTorch's own packages, installed with pip inside the conda environment</source>
            <translation>PyTorch 官方的软件包，在 conda 环境里用 pip 安装</translation>
        </message>
        <message>
            <source>Checking that the package index has torchvision {version}… Install starts by itself.</source>
            <translation>正在确认软件包索引里有 torchvision {version}… 确认后会自动开始安装。</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>检查</translation>
        </message>
        <message>
            <source>Check what will happen. Nothing has been changed yet: press Install to start.</source>
            <translation>请确认接下来要做的操作。目前还没有做任何改动：按“安装”开始。</translation>
        </message>
        <message>
            <source>Where the packages come from</source>
            <translation>软件包的来源</translation>
        </message>
        <message>
            <source>The PyTorch download server ({url})</source>
            <translation>PyTorch 官方下载服务器（{url}）</translation>
        </message>
        <message>
            <source>The usual place pip downloads from (what “pip install torch” uses)</source>
            <translation>pip 平时下载软件包的地方（也就是“pip install torch”用的那个）</translation>
        </message>
        <message>
            <source>A folder of wheel files or a PyTorch kit (offline):</source>
            <translation>wheel 文件夹或 PyTorch 套件（离线）：</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Another package index (a mirror):</source>
            <translation>其他软件包索引（镜像源）：</translation>
        </message>
        <message>
            <source>How PyTorch gets into the conda environment:</source>
            <translation>PyTorch 安装到 conda 环境中的方式：</translation>
        </message>
        <message>
            <source>Also install torchvision (images and ready-made datasets for PyTorch)</source>
            <translation>同时安装 torchvision（为 PyTorch 提供图像处理功能和现成的数据集）</translation>
        </message>
        <message>
            <source>The wizard makes a new folder with its own Python, updates pip (the program that installs Python packages) there, downloads PyTorch into it, and checks that it works.</source>
            <translation>向导会新建一个带有自己的 Python 的文件夹，在里面更新 pip（安装 Python 软件包的程序），把 PyTorch 下载进去，再检查它能不能用。</translation>
        </message>
        <message>
            <source>The files in this folder are for Python {want}, not for Python {have}.</source>
            <translation>这个文件夹里的文件是给 Python {want} 用的，不是给 Python {have} 用的。</translation>
        </message>
        <message>
            <source>Python {want} is on this computer too ({path}). Use it instead: one click, nothing else changes.</source>
            <translation>这台电脑上也有 Python {want}（{path}）。改用它吧：点一下就好，其他都不变。</translation>
        </message>
        <message>
            <source>Use Python {version}</source>
            <translation>改用 Python {version}</translation>
        </message>
        <message>
            <source>The PyTorch download server cannot be reached from this computer right now.</source>
            <translation>这台电脑现在连不上 PyTorch 下载服务器。</translation>
        </message>
        <message>
            <source>This mirror cannot be reached from this computer right now.</source>
            <translation>这台电脑现在连不上这个镜像。</translation>
        </message>
        <message>
            <source>Installing would most likely fail. Check the internet connection and try again, or use a folder of wheel files (for example from a teacher's USB stick) or a mirror.</source>
            <translation>现在安装很可能会失败。请检查网络连接后再试，或者改用存放 wheel 文件的文件夹（比如老师的 U 盘）或一个镜像。</translation>
        </message>
        <message>
            <source>This mirror is behind: it does not have this PyTorch yet.</source>
            <translation>这个镜像还没跟上：它还没有这个版本的 PyTorch。</translation>
        </message>
        <message>
            <source>A file in this folder is damaged, so installing from it would fail.</source>
            <translation>这个文件夹里有一个文件已损坏，用它安装会失败。</translation>
        </message>
        <message>
            <source>Copy the folder again (or download that file again), or choose another folder. The file is named below.</source>
            <translation>请重新复制这个文件夹（或者重新下载那个文件），或者选择另一个文件夹。下面写出了是哪个文件。</translation>
        </message>
        <message>
            <source>This kit cannot be used on this computer.</source>
            <translation>这个套件不能在这台电脑上使用。</translation>
        </message>
        <message>
            <source>This kit cannot be used: it is incomplete or damaged.</source>
            <translation>这个套件不能使用：它不完整或者已损坏。</translation>
        </message>
        <message>
            <source>What is wrong is said below. Choose another folder, or use the PyTorch download server.</source>
            <translation>下面写出了哪里有问题。请选择另一个文件夹，或者改用 PyTorch 下载服务器。</translation>
        </message>
        <message>
            <source>Choose another folder…</source>
            <translation>选择另一个文件夹…</translation>
        </message>
        <message>
            <source>Use a folder of wheel files</source>
            <translation>改用 wheel 文件夹</translation>
        </message>
        <message>
            <source>Use a mirror</source>
            <translation>改用镜像</translation>
        </message>
        <message>
            <source>Use the PyTorch download server</source>
            <translation>改用 PyTorch 下载服务器</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>再试一次</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>Unfinished installation</source>
            <translation>未完成的安装</translation>
        </message>
        <message>
            <source>Last time, installing PyTorch into {env} did not finish (the wizard was closed or the computer was switched off).</source>
            <translation>上次把 PyTorch 安装到 {env} 时没有完成（向导被关闭了，或者电脑被关机了）。</translation>
        </message>
        <message>
            <source>Do you want to finish it now, or remove the unfinished environment?</source>
            <translation>你想现在完成安装，还是删除这个未完成的环境？</translation>
        </message>
        <message>
            <source>Finish installing</source>
            <translation>完成安装</translation>
        </message>
        <message>
            <source>Remove it</source>
            <translation>删除它</translation>
        </message>
        <message>
            <source>Decide later</source>
            <translation>以后再决定</translation>
        </message>
        <message>
            <source>Choose the folder…</source>
            <translation>选择文件夹…</translation>
        </message>
        <message>
            <source>Choose the folder with the wheel files</source>
            <translation>选择存放安装包（.whl 文件）的文件夹</translation>
        </message>
        <message>
            <source>Removing the unfinished environment…</source>
            <translation>正在删除未完成的环境…</translation>
        </message>
        <message>
            <source>Save report</source>
            <translation>保存报告</translation>
        </message>
        <message>
            <source>Text files (*.txt)</source>
            <translation>文本文件 (*.txt)</translation>
        </message>
        <message>
            <source>The report could not be saved: {error}</source>
            <translation>无法保存报告：{error}</translation>
        </message>
        <message>
            <source>PyTorch Setup Wizard</source>
            <translation>PyTorch 安装向导</translation>
        </message>
        <message>
            <source>&lt; &amp;Back</source>
            <translation>&lt; 上一步(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation>下一步(&amp;N) &gt;</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>&amp;Finish</source>
            <translation>完成(&amp;F)</translation>
        </message>
        <message>
            <source>Install</source>
            <translation>安装</translation>
        </message>
        <message>
            <source>Save report…</source>
            <translation>保存报告…</translation>
        </message>
        <message>
            <source>Stop the installation?</source>
            <translation>要停止安装吗？</translation>
        </message>
        <message>
            <source>PyTorch is still being installed. If you quit now, the unfinished environment is removed.</source>
            <translation>PyTorch 仍在安装中。如果现在退出，未完成的环境将被删除。</translation>
        </message>
        <message>
            <source>Quit the wizard?</source>
            <translation>退出向导吗？</translation>
        </message>
        <message>
            <source>The unfinished environment is still in {path}. It does not work yet, but it uses disk space.</source>
            <translation>没装完的环境还在 {path}。它现在还不能用，但会占用磁盘空间。</translation>
        </message>
        <message>
            <source>Remove it now, or keep it?</source>
            <translation>现在删掉它，还是留着？</translation>
        </message>
        <message>
            <source>Remove it and quit</source>
            <translation>删掉并退出</translation>
        </message>
        <message>
            <source>Keep it and quit</source>
            <translation>留着并退出</translation>
        </message>
        <message>
            <source>Stay</source>
            <translation>不退出</translation>
        </message>
    </context>
    <context>
        <name>StepList</name>
        <message>
            <source>Welcome</source>
            <translation>欢迎</translation>
        </message>
        <message>
            <source>Choose Python</source>
            <translation>选择 Python</translation>
        </message>
        <message>
            <source>Where to install</source>
            <translation>安装位置</translation>
        </message>
        <message>
            <source>Graphics card</source>
            <translation>显卡</translation>
        </message>
        <message>
            <source>Check and confirm</source>
            <translation>检查并确认</translation>
        </message>
        <message>
            <source>Install</source>
            <translation>安装</translation>
        </message>
        <message>
            <source>Try it</source>
            <translation>试一试</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <source>Step {n} of {total}</source>
            <translation>第 {n} 步，共 {total} 步</translation>
        </message>
    </context>
    <context>
        <name>SummaryCard</name>
        <message>
            <source>PyTorch version:</source>
            <translation>PyTorch 版本：</translation>
        </message>
        <message>
            <source>Your system:</source>
            <translation>你的系统：</translation>
        </message>
        <message>
            <source>Package manager:</source>
            <translation>包管理器：</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>编程语言：</translation>
        </message>
        <message>
            <source>Runs on:</source>
            <translation>运行在：</translation>
        </message>
        <message>
            <source>The same choices as on the pytorch.org “Start Locally” selector, so you can compare.</source>
            <translation>和 pytorch.org 上“Start Locally”选择器里的选项一样，方便你对照。</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <source>This computer has no font for Chinese characters.</source>
            <translation>这台电脑没有中文字体。</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>欢迎</translation>
        </message>
        <message>
            <source>This wizard installs PyTorch on this computer and runs your first model.</source>
            <translation>这个向导会在这台电脑上安装 PyTorch，并运行你的第一个模型。</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>语言：</translation>
        </message>
        <message>
            <source>PyTorch Setup Wizard</source>
            <translation>PyTorch 安装向导</translation>
        </message>
        <message>
            <source>PyTorch is a free library for machine learning. You do not need to use a terminal: the wizard does each step for you and explains what it does.</source>
            <translation>PyTorch 是一个免费的机器学习库。你不需要使用终端：向导会替你完成每一步，并说明它在做什么。</translation>
        </message>
        <message>
            <source>&lt;b&gt;What will happen&lt;/b&gt;&lt;ol&gt;&lt;li&gt;Pick a Python on this computer that can run PyTorch.&lt;/li&gt;&lt;li&gt;Create a new, separate environment for PyTorch (your other programs are not changed).&lt;/li&gt;&lt;li&gt;Check your graphics card (GPU) and choose the PyTorch build that runs on it.&lt;/li&gt;&lt;li&gt;Download and install PyTorch.&lt;/li&gt;&lt;li&gt;Run a short example: add two tensors and train a tiny model.&lt;/li&gt;&lt;/ol&gt;</source>
            <translation>&lt;b&gt;接下来会做什么&lt;/b&gt;&lt;ol&gt;&lt;li&gt;在这台电脑上挑选一个能运行 PyTorch 的 Python。&lt;/li&gt;&lt;li&gt;为 PyTorch 创建一个新的、独立的环境（不会改动你的其他程序）。&lt;/li&gt;&lt;li&gt;检查你的显卡（GPU），并选择能在它上面运行的 PyTorch 版本。&lt;/li&gt;&lt;li&gt;下载并安装 PyTorch。&lt;/li&gt;&lt;li&gt;运行一个简短的示例：把两个张量相加，并训练一个很小的模型。&lt;/li&gt;&lt;/ol&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Time and space&lt;/b&gt;&lt;br&gt;Without a GPU, the download is about {cpu_dl} and needs about {cpu_disk} of disk; it takes about {cpu_min} minutes on a typical home connection. With an NVIDIA GPU, the download is about {gpu_dl} and needs about {gpu_disk} of disk (about {gpu_min} minutes).</source>
            <translation>&lt;b&gt;时间和空间&lt;/b&gt;&lt;br&gt;不用显卡时，要下载大约 {cpu_dl}，占用大约 {cpu_disk} 的磁盘空间；用普通的家庭网络大约需要 {cpu_min} 分钟。用 NVIDIA 显卡时，要下载大约 {gpu_dl}，占用大约 {gpu_disk} 的磁盘空间（大约 {gpu_min} 分钟）。</translation>
        </message>
        <message>
            <source>Prepare PyTorch for other computers…</source>
            <translation>为其他电脑准备 PyTorch……</translation>
        </message>
        <message>
            <source>Nothing is installed before you confirm on the Review page, and you can stop at any time.</source>
            <translation>在你于“检查”页面确认之前，不会安装任何东西；你也可以随时停止。</translation>
        </message>
    </context>
    <context>
        <name>WheelCheck</name>
        <message>
            <source>no answer in time</source>
            <translation>在规定时间内没有响应</translation>
        </message>
        <message>
            <source>“{version}” is not a version number, so the wizard could not check.</source>
            <translation>“{version}”不是版本号，所以向导无法检查。</translation>
        </message>
        <message>
            <source>The package index {index} has no {project} packages (it answered “not found”). Check the index address, or choose another build.</source>
            <translation>软件包索引 {index} 中没有 {project} 的安装包（它的回答是“未找到”）。请检查索引地址，或者选择其他版本。</translation>
        </message>
        <message>
            <source>The package index answered with an error ({reason}), so the wizard could not check that {what} exists there; it goes by its own list of builds.</source>
            <translation>软件包索引返回了错误（{reason}），所以向导无法确认那里有 {what}；向导将按照自带的版本列表继续。</translation>
        </message>
        <message>
            <source>The wizard could not reach {host} to check that {what} exists there ({reason}); it goes by its own list of builds.</source>
            <translation>向导无法连接 {host} 来确认那里有 {what}（{reason}）；向导将按照自带的版本列表继续。</translation>
        </message>
        <message>
            <source>The address {url} sent a page that lists no {project} packages (perhaps a sign-in page of the network), so the wizard could not check; it goes by its own list of builds.</source>
            <translation>地址 {url} 返回的页面没有列出任何 {project} 安装包（可能是网络的登录页面），所以向导无法检查；向导将按照自带的版本列表继续。</translation>
        </message>
        <message>
            <source>The package index has {what} for Python {py} on {platform}, but only for a newer macOS than this Mac's {have}.</source>
            <translation>软件包索引里有适用于 {platform} 上 Python {py} 的 {what}，但只适用于比这台 Mac 的 {have} 更新的 macOS。</translation>
        </message>
        <message>
            <source>The package index has {what} for Python {py} on {platform}.</source>
            <translation>软件包索引中有适用于 {platform} 上 Python {py} 的 {what}。</translation>
        </message>
        <message>
            <source>The package index has no {what}; the newest {project} there is {newest}. Choose another build or check the index address.</source>
            <translation>软件包索引中没有 {what}；那里最新的 {project} 是 {newest}。请选择其他版本，或检查索引地址。</translation>
        </message>
        <message>
            <source>The package index has no {what} package for Python {py} on {platform}.</source>
            <translation>软件包索引中没有适用于 {platform} 上 Python {py} 的 {what} 安装包。</translation>
        </message>
        <message>
            <source>It has packages for Python {pythons}.</source>
            <translation>它有适用于 Python {pythons} 的安装包。</translation>
        </message>
        <message>
            <source>The file {name} cannot be read ({error}).</source>
            <translation>无法读取文件 {name}（{error}）。</translation>
        </message>
        <message>
            <source>The file {name} is not the file the folder's list of checksums describes: it is damaged or was cut short. Copy it again.</source>
            <translation>文件 {name} 和文件夹里校验和列表描述的不一致：它损坏了或者不完整。请重新复制。</translation>
        </message>
        <message>
            <source>The file {name} is damaged or was cut short while it was copied (it is not a complete wheel). Copy it again, or download it again.</source>
            <translation>文件 {name} 损坏了，或者在复制时被中断了（它不是完整的 wheel）。请重新复制，或者重新下载。</translation>
        </message>
    </context>
</TS>
