namespace Search.Core.Tests.Batch;

public sealed class BatchEntryListTests
{
    [Fact]
    public void ReadLines_SkipsBlankAndCommentLines_AndTrims()
    {
        var entries = BatchEntryList.ReadLines(new StringReader("# sanctions list\nHafiz Saeed\n\n  Jamaat-ud-Dawa  \r\n#Masood Azhar\n\"Falah-e-Insaniat\"\n"));

        Assert.Equal(["Hafiz Saeed", "Jamaat-ud-Dawa", "\"Falah-e-Insaniat\""], entries);
    }

    [Fact]
    public void ReadCsvColumn_ReadsTheNamedColumnIgnoringCase_AndSkipsBlankCells()
    {
        var csv = "id,Name,country\n1,Hafiz Saeed,PK\n2,,PK\n3,\"Lashkar-e-Taiba, LeT\",PK\n";

        Assert.Equal(["Hafiz Saeed", "Lashkar-e-Taiba, LeT"], BatchEntryList.ReadCsvColumn(new StringReader(csv), "name"));
    }

    [Fact]
    public void ReadCsvColumn_WithoutTheColumn_SaysWhichColumnsThereAre()
    {
        var error = Assert.Throws<InvalidSearchRequestException>(() => BatchEntryList.ReadCsvColumn(new StringReader("id,alias\n1,LeT\n"), "name"));

        Assert.Equal("The CSV file has no column 'name'; its columns are 'id', 'alias'.", error.Message);
    }
}
