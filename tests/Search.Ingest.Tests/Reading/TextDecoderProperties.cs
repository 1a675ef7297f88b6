using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Search.Ingest.Cleaning;
using Search.Ingest.Reading;

namespace Search.Ingest.Tests.Reading;

public sealed class TextDecoderProperties
{
    [Property]
    public bool Decoder_WhenPrintableUtf8_RoundTrips(NonNull<string> value)
    {
        var text = new string(value.Get.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray());
        return TextDecoder.TryDecode(Encoding.UTF8.GetBytes(text), out var decoded, out _) && decoded == text;
    }

    [Property]
    public bool Cleaner_WhenAnyText_KeepsNoBoilerplateLine(NonNull<string> value) =>
        TextCleaner.Clean(value.Get).Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).All(line => !TextCleaner.IsBoilerplate(line));
}
