namespace Search.Core.Tests.Discovery;

/// <summary>
/// A labelled set of near-duplicates, written for this project: for each event, one wire story
/// republished by three sites with the edits sites make (a dateline, a dropped closing paragraph,
/// a reworded sentence, a "read more" line), and a second story on the same event written
/// separately, which must stay apart although it names the same people, places and groups.
/// </summary>
public static class NearDuplicatePairs
{
    private sealed record Event(string Key, string[] Wire, string[] Separate, (string From, string To) Reword);

    private static readonly Event[] Events =
    [
        new("sanctions",
            [
                "The United States on Thursday placed sanctions on three men it said raised money for Lashkar-e-Taiba.",
                "The Treasury Department said the men moved funds through charities in Lahore and Karachi.",
                "Any property they hold under American jurisdiction is now frozen, officials said.",
                "A spokesman for the Pakistani foreign office said Islamabad would study the designations.",
                "The group was blamed for the 2008 attacks in Mumbai that killed 166 people.",
                "Washington has pressed Pakistan for years to act against its leaders.",
                "The men could not be reached for comment.",
            ],
            [
                "Pakistan said on Friday it would examine the American sanctions against Lashkar-e-Taiba fundraisers.",
                "Foreign office spokeswoman spoke to reporters in Islamabad and said her country opposed terrorism in every form.",
                "She added that Karachi and Lahore police had already questioned people linked to the charities.",
                "Analysts in Lahore said the step would test relations between the two capitals.",
                "The Mumbai attacks of 2008 remain a source of tension with India.",
            ],
            ("raised money for", "financed")),
        new("kabul",
            [
                "A suicide bomber struck near the gate of Kabul airport on Thursday evening, killing dozens.",
                "Islamic State Khorasan said in a statement that one of its fighters carried out the attack.",
                "The Pentagon said thirteen American service members were among the dead.",
                "Crowds had gathered at the gate hoping to board evacuation flights.",
                "President Biden vowed to hunt down those responsible.",
                "The Taliban condemned the bombing and said the area was under American control.",
                "Flights resumed on Friday morning under tighter security.",
            ],
            [
                "Families of the American service members killed at Kabul airport gathered at Dover air base on Sunday.",
                "President Biden met relatives privately before the coffins were carried from the plane.",
                "The Pentagon named the thirteen soldiers, sailors and marines who died in Thursday's bombing.",
                "Several were in their early twenties and had been children when the war began.",
                "Islamic State Khorasan has threatened further attacks on the evacuation.",
            ],
            ("vowed to hunt down", "promised to pursue")),
        new("fatf",
            [
                "The Financial Action Task Force kept Pakistan on its grey list on Friday after a week of talks in Paris.",
                "The watchdog said Islamabad had completed most items of its action plan but must show prosecutions of militant financiers.",
                "Pakistan's finance minister said the country would finish the remaining work within months.",
                "The grey list makes foreign lenders more cautious and raises the cost of borrowing.",
                "India has long accused Pakistan of sheltering Jaish-e-Mohammed and Lashkar-e-Taiba.",
                "Pakistan rejects the accusation and says it is itself a victim of terrorism.",
                "The next review is due in October.",
            ],
            [
                "Business leaders in Karachi said on Saturday that staying on the grey list was costing Pakistan billions in lost investment.",
                "The chamber of commerce urged the government to speed up cases against militant financiers.",
                "Exporters complained that foreign banks now ask for more documents on every payment.",
                "The Financial Action Task Force will meet again in October in Paris.",
                "Officials in Islamabad said progress had been made since the last review.",
            ],
            ("kept Pakistan on its grey list", "left Pakistan on its grey list")),
        new("pulwama",
            [
                "A car bomb killed at least forty Indian paramilitary police in Kashmir on Thursday, the deadliest attack in the region in decades.",
                "Jaish-e-Mohammed claimed responsibility within hours of the blast on the Srinagar highway.",
                "The State Department called on Pakistan to end support and safe haven for all terrorist groups.",
                "India recalled its high commissioner from Islamabad for consultations.",
                "Pakistan denied any role and offered to investigate if India shared evidence.",
                "The convoy of more than seventy vehicles was carrying about two thousand five hundred men.",
                "Markets in Mumbai fell on news of the attack.",
            ],
            [
                "Indian warplanes struck what New Delhi called a Jaish-e-Mohammed training camp at Balakot on Tuesday.",
                "India said the raid was a response to the Kashmir car bomb that killed forty police.",
                "Pakistan said its air force scrambled jets and the Indian aircraft dropped their payload in an empty forest.",
                "The State Department urged both countries to avoid further military action.",
                "Islamabad promised to respond at a time of its choosing.",
            ],
            ("the deadliest attack in the region in decades", "the worst attack there in thirty years")),
        new("haqqani",
            [
                "The Haqqani network remains the most capable militant group in Afghanistan, a Pentagon report said on Monday.",
                "The report told Congress that the network kept close ties to al-Qaeda and ran attacks in Kabul.",
                "It said commanders moved freely across the border into North Waziristan.",
                "Pakistan said it had cleared the tribal areas of all militant sanctuaries.",
                "American officials have offered a reward of up to ten million dollars for Sirajuddin Haqqani.",
                "The report covered the six months to the end of May.",
                "It also described gains by Afghan special forces.",
            ],
            [
                "Sirajuddin Haqqani appeared in public in Kabul on Saturday for the first time, at a police graduation.",
                "The interior minister, who is wanted by the United States, spoke for twenty minutes and promised security.",
                "Photographs of his face had not been published before.",
                "The State Department said its reward for information about him still stood.",
                "Afghan officials said he would travel to provinces in coming weeks.",
            ],
            ("the most capable militant group", "the strongest armed group")),
        new("floods",
            [
                "Floods have killed more than a thousand people in Pakistan since June, the disaster agency said on Sunday.",
                "A third of the country is under water after record monsoon rains, the climate minister said.",
                "The United Nations launched an appeal for one hundred and sixty million dollars.",
                "The United States announced thirty million dollars in aid through USAID.",
                "Roads and bridges in Sindh and Balochistan have been washed away.",
                "Doctors warned of disease spreading in the camps.",
                "The prime minister toured the worst-hit districts by helicopter.",
            ],
            [
                "Farmers in Sindh said on Wednesday the floods had destroyed their cotton and rice crops for the year.",
                "Many have moved their families to the raised road embankments with their cattle.",
                "Aid workers said food prices in local markets had doubled since the water came.",
                "The United Nations appeal for Pakistan has so far received less than half its target.",
                "Officials expect the water to stand for months in low-lying districts.",
            ],
            ("launched an appeal for", "asked donors for")),
    ];

    /// <summary>Every article of the set: per event, the wire story as three sites ran it, and the separate story.</summary>
    public static IReadOnlyList<Article> Articles { get; } = Events.SelectMany(Build).ToArray();

    /// <summary>Whether two articles of the set are the same story.</summary>
    public static bool SameStory(string a, string b) => a != b && a.Split('/')[0] == b.Split('/')[0] && a.Contains("/wire") && b.Contains("/wire");

    private static IEnumerable<Article> Build(Event e)
    {
        var wire = e.Wire;
        yield return Make($"{e.Key}/wire-a", "site-a.example", "ISLAMABAD (Agencies) - " + string.Join(' ', wire));
        // Site B drops the closing sentence and adds its own line.
        yield return Make($"{e.Key}/wire-b", "site-b.example", string.Join(' ', wire[..^1]) + " Read more stories on our website.");
        // Site C rewords one phrase and leaves out the fourth sentence.
        yield return Make($"{e.Key}/wire-c", "site-c.example", string.Join(' ', wire.Where((_, i) => i != 3)).Replace(e.Reword.From, e.Reword.To, StringComparison.Ordinal));
        yield return Make($"{e.Key}/separate", "site-d.example", string.Join(' ', e.Separate));
    }

    private static Article Make(string id, string site, string body) => new()
    {
        Id = id,
        Title = id,
        Body = body,
        Url = $"https://{site}/{id}",
    };
}
