namespace Search.Core.Tests;

public sealed class FacetKeyTests
{
    [Theory]
    [InlineData("  Hamas ", "hamas")]
    [InlineData("TTP", "ttp")]
    [InlineData("Haqqani's", "haqqani")]
    [InlineData("al-Qa'ida", "al-qaida")]
    [InlineData("Émir", "emir")]
    public void A_value_is_folded_to_its_key(string value, string key)
    {
        Assert.Equal(key, SearchSchema.FacetKey(value));
    }
}
