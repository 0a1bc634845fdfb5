using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using StudioApi.Platform.Http.Problems;

namespace StudioApi.Features.Schools.Rosters;

/// <summary>One CSV row of a OneRoster file: its fields by column name and its line in the file (the header is line 1).</summary>
public sealed record OneRosterRow(string File, int Line, IReadOnlyDictionary<string, string> Fields)
{
    public string this[string column] => Fields.TryGetValue(column, out var value) ? value : "";
    public string SourcedId => this["sourcedId"];
    /// <summary>Bulk files leave status empty; a delta says active or tobedeleted.</summary>
    public bool ToBeDeleted => this["status"].Equals("tobedeleted", StringComparison.OrdinalIgnoreCase);
    public IReadOnlyList<string> List(string column) =>
        this[column].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// A OneRoster CSV package (1EdTech OneRoster 1.1 or 1.2, CSV binding): a zip with <c>manifest.csv</c> (propertyName,
/// value) declaring each file as <c>bulk</c>, <c>delta</c> or <c>absent</c>, and the files it declares. 1.1 keeps a
/// user's role and organizations in users.csv; 1.2 moves them to roles.csv (users.csv keeps primaryOrg).
/// </summary>
public sealed class OneRosterPackage
{
    public const long MaxEntryBytes = 200L * 1024 * 1024;
    public required string Version { get; init; }
    public required RosterImportMode Mode { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<OneRosterRow>> Files { get; init; }
    /// <summary>What the rows came from: a OneRoster package, or a plain CSV read into the same shape (<see cref="CsvRoster"/>).</summary>
    public RosterImportFormat Format { get; init; } = RosterImportFormat.OneRoster;

    public IReadOnlyList<OneRosterRow> Rows(string file) => Files.TryGetValue(file, out var rows) ? rows : [];

    public static OneRosterPackage Read(byte[] zip)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw ApiProblem.InvalidInput("file", "The file is not a zip: a OneRoster CSV package is a zip with manifest.csv at its top.");
        }
        using (archive)
        {
            var manifestEntry = Entry(archive, "manifest.csv")
                                ?? throw ApiProblem.InvalidInput("file", "The zip has no manifest.csv at its top.");
            var manifest = ReadCsv("manifest.csv", manifestEntry)
                .ToDictionary(r => r["propertyName"].Trim(), r => r["value"].Trim(), StringComparer.OrdinalIgnoreCase);
            var version = manifest.GetValueOrDefault("oneroster.version") ?? "";
            if (version is not ("1.1" or "1.2"))
                throw ApiProblem.InvalidInput("file", $"manifest.csv declares oneroster.version '{version}'; 1.1 and 1.2 are read.");

            var files = new Dictionary<string, IReadOnlyList<OneRosterRow>>(StringComparer.OrdinalIgnoreCase);
            var modes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (property, value) in manifest.Where(p => p.Key.StartsWith("file.", StringComparison.OrdinalIgnoreCase)))
            {
                if (value.Equals("absent", StringComparison.OrdinalIgnoreCase))
                    continue;
                if (!value.Equals("bulk", StringComparison.OrdinalIgnoreCase) && !value.Equals("delta", StringComparison.OrdinalIgnoreCase))
                    throw ApiProblem.InvalidInput("file", $"manifest.csv: {property} is '{value}'; it is bulk, delta or absent.");
                var name = property[5..] + ".csv";
                var entry = Entry(archive, name) ?? throw ApiProblem.InvalidInput("file", $"manifest.csv declares {name} ({value}) but the zip has no such file.");
                files[property[5..]] = ReadCsv(name, entry);
                modes.Add(value);
            }
            if (!files.ContainsKey("users") || !files.ContainsKey("orgs"))
                throw ApiProblem.InvalidInput("file", "The package has no users.csv or orgs.csv (manifest file.users / file.orgs).");
            if (modes.Count > 1)
                throw ApiProblem.InvalidInput("file", "manifest.csv mixes bulk and delta files; send one or the other.");
            return new OneRosterPackage
            {
                Version = version,
                Mode = modes.Single().Equals("delta", StringComparison.OrdinalIgnoreCase) ? RosterImportMode.Delta : RosterImportMode.Bulk,
                Files = files,
            };
        }
    }

    static ZipArchiveEntry? Entry(ZipArchive archive, string name) =>
        archive.Entries.FirstOrDefault(e => e.FullName.Equals(name, StringComparison.OrdinalIgnoreCase));

    static List<OneRosterRow> ReadCsv(string name, ZipArchiveEntry entry)
    {
        if (entry.Length > MaxEntryBytes)
            throw ApiProblem.InvalidInput("file", $"{name} is larger than {MaxEntryBytes / 1024 / 1024} MB.");
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        var rows = new List<OneRosterRow>();
        try
        {
            if (!csv.Read() || !csv.ReadHeader())
                return rows;
            var header = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            // A name given twice is its last column, as it was when each row's fields were written in order.
            foreach (var (column, index) in csv.HeaderRecord!.Select((h, i) => (h.Trim(), i)))
                header[column] = index;
            var width = csv.HeaderRecord!.Length;
            while (csv.Read())
            {
                var record = csv.Parser.Record ?? [];
                var values = new string[width];
                for (var i = 0; i < values.Length; i++)
                    values[i] = i < record.Length ? record[i].Trim() : "";
                rows.Add(new OneRosterRow(name, csv.Parser.RawRow, new CsvFields(header, values)));
            }
        }
        catch (CsvHelperException e)
        {
            throw ApiProblem.InvalidInput("file", $"{name} is not valid CSV near line {csv.Parser.RawRow}: {e.Message.Split('\n')[0]}");
        }
        return rows;
    }
}

/// <summary>
/// A CSV row's fields by column name, over the file's one header map: a dictionary per row (thousands of users.csv rows
/// of a dozen and more columns each) cost more than the rest of reading the package.
/// </summary>
sealed class CsvFields(IReadOnlyDictionary<string, int> header, string[] values) : IReadOnlyDictionary<string, string>
{
    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);
    public IEnumerable<string> Keys => header.Keys;
    public IEnumerable<string> Values => header.Values.Select(i => values[i]);
    public int Count => header.Count;
    public bool ContainsKey(string key) => header.ContainsKey(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value)
    {
        value = header.TryGetValue(key, out var index) ? values[index] : null;
        return value is not null;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        header.Select(h => KeyValuePair.Create(h.Key, values[h.Value])).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
