using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetVips;
using StudioApi.Tests.Features.Imaging.Images;
using StudioApi.Tests.Infrastructure;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using static StudioApi.Tests.Features.Schools.YearbookKit;

namespace StudioApi.Tests.Features.Schools;

public sealed class PictureDayTests(StudioApiFactory app) : IClassFixture<StudioApiFactory>
{
    async Task<(HttpClient Admin, long School, List<(long SessionId, string Name)> Day)> PictureDayAsync()
    {
        var admin = await app.AdminAsync();
        var school = await CreateSchoolAsync(admin, "Picture Day Middle");
        var day = new List<(long, string)>();
        foreach (var (first, last, time) in new[] { ("Søren", "Ødegaard", "09:10"), ("Ana", "Brontë", "09:00"), ("Kai", "Nakamura", "09:00") })
        {
            var student = await CreateStudentAsync(app, admin, school, first, last, photos: 0);
            var session = await admin.PostAsJsonAsync("/api/v1/sessions", new
            {
                clientId = student.ClientId, date = "2031-10-07", startTime = time, endTime = time[..3] + "20", organizationId = school,
            });
            day.Add(((await session.ShouldBeAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetInt64(), $"{first} {last}"));
        }
        var other = await CreateStudentAsync(app, admin, school, "Late", "Retake", photos: 0);
        (await admin.PostAsJsonAsync("/api/v1/sessions", new { clientId = other.ClientId, date = "2031-11-04", startTime = "09:00", endTime = "09:10", organizationId = school }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        return (admin, school, day);
    }

    [Fact]
    public async Task The_capture_list_has_a_line_per_session_of_the_day_with_its_QR_code_text()
    {
        var (admin, school, day) = await PictureDayAsync();

        var response = await admin.GetAsync($"/api/v1/organizations/{school}/capture-list?date=2031-10-07");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd().Split("\r\n");
        lines[0].ShouldBe("Session Number,Date,Start Time,Student ID,Last Name,First Name,Grade,Homeroom,Teacher,QR Code");
        // By start time, then last name: Brontë and Nakamura at 09:00, Ødegaard at 09:10.
        lines.Skip(1).Select(l => l.Split(',')[4]).ShouldBe(["Brontë", "Nakamura", "Ødegaard"]);
        lines.Skip(1).Select(l => l.Split(',')[^1]).ShouldBe([$"STUDIOAPI-SESSION:{day[1].SessionId}", $"STUDIOAPI-SESSION:{day[2].SessionId}", $"STUDIOAPI-SESSION:{day[0].SessionId}"]);
        (await admin.GetAsync("/api/v1/organizations/999999999/capture-list")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Capture_cards_are_a_page_per_student_whose_QR_code_names_the_session()
    {
        var (admin, school, day) = await PictureDayAsync();

        var response = await admin.GetAsync($"/api/v1/organizations/{school}/capture-cards?date=2031-10-07");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        pdf.NumberOfPages.ShouldBe(3);
        var expected = new[] { day[1], day[2], day[0] };
        for (var n = 0; n < 3; n++)
        {
            var page = pdf.GetPage(n + 1);
            page.Text.ShouldContain(expected[n].Name);
            var image = page.GetImages().Single();
            Decode(image.RawBytes.ToArray()).ShouldBe($"STUDIOAPI-SESSION:{expected[n].SessionId}");
        }
        (await admin.GetAsync($"/api/v1/organizations/{school}/capture-cards?date=2030-01-01")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_card_and_photo_stream_files_each_run_into_the_session_its_card_names_and_holds_what_comes_before_any_card()
    {
        var (admin, school, day) = await PictureDayAsync();
        var cards = await (await admin.GetAsync($"/api/v1/organizations/{school}/capture-cards?date=2031-10-07")).Content.ReadAsByteArrayAsync();
        using var pdf = PdfDocument.Open(cards);
        // The cards in the capture list's order: Brontë (day[1]), Nakamura (day[2]), Ødegaard (day[0]); each photographed.
        var anaCard = CardPhoto(pdf.GetPage(1).GetImages().Single().RawBytes.ToArray());
        var kaiCard = CardPhoto(pdf.GetPage(2).GetImages().Single().RawBytes.ToArray());
        (string, byte[]) Photo(int n) => ($"DSC_{n:0000}.jpg", ProofingKit.Jpeg($"DSC_{n:0000}.jpg", 5000 + n, 400, 500).Bytes);

        var stream = new[] { Photo(1), ("DSC_0002.jpg", anaCard), Photo(3), Photo(4), ("DSC_0005.jpg", kaiCard), Photo(6) };
        var response = await admin.PostAsync($"/api/v1/organizations/{school}/group-capture?date=2031-10-07&cards=true", ImageKit.Form(stream));
        var files = (await response.ShouldBeAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("files").EnumerateArray()
            .Select(f => (f.GetProperty("outcome").GetString(), f.TryGetProperty("sessionId", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : 0))
            .ToList();

        files.ShouldBe([
            ("unmatched", 0L), ("card", day[1].SessionId), ("imported", day[1].SessionId), ("imported", day[1].SessionId),
            ("card", day[2].SessionId), ("imported", day[2].SessionId),
        ]);
        (await admin.ImagesAsync(day[1].SessionId)).Select(i => i.Number).ShouldBe([1, 2], "The card itself is not a portrait.");
        (await admin.ImagesAsync(day[2].SessionId)).Count.ShouldBe(1);
        (await admin.ImagesAsync(day[0].SessionId)).ShouldBeEmpty();
        var held = await (await admin.GetAsync($"/api/v1/organizations/{school}/unmatched-captures")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        held.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("originalFileName").GetString()).ShouldBe(["DSC_0001.jpg"]);
    }

    [Fact]
    public async Task A_card_of_another_days_session_is_held_with_the_photos_after_it_not_filed_as_the_previous_students()
    {
        var (admin, school, day) = await PictureDayAsync();
        var today = await (await admin.GetAsync($"/api/v1/organizations/{school}/capture-cards?date=2031-10-07")).Content.ReadAsByteArrayAsync();
        var retakes = await (await admin.GetAsync($"/api/v1/organizations/{school}/capture-cards?date=2031-11-04")).Content.ReadAsByteArrayAsync();
        using var todayPdf = PdfDocument.Open(today);
        using var retakePdf = PdfDocument.Open(retakes);
        var anaCard = CardPhoto(todayPdf.GetPage(1).GetImages().Single().RawBytes.ToArray());
        var kaiCard = CardPhoto(todayPdf.GetPage(2).GetImages().Single().RawBytes.ToArray());
        var lateCard = CardPhoto(retakePdf.GetPage(1).GetImages().Single().RawBytes.ToArray());
        (string, byte[]) Photo(int n) => ($"IMG_{n:0000}.jpg", ProofingKit.Jpeg($"IMG_{n:0000}.jpg", 7000 + n, 400, 500).Bytes);

        var stream = new[] { ("IMG_0001.jpg", anaCard), Photo(2), ("IMG_0003.jpg", lateCard), Photo(4), ("IMG_0005.jpg", kaiCard), Photo(6) };
        var response = await admin.PostAsync($"/api/v1/organizations/{school}/group-capture?date=2031-10-07&cards=true", ImageKit.Form(stream));
        var files = (await response.ShouldBeAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("files").EnumerateArray()
            .Select(f => (f.GetProperty("outcome").GetString(), f.TryGetProperty("sessionId", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : 0))
            .ToList();

        files.ShouldBe([
            ("card", day[1].SessionId), ("imported", day[1].SessionId), ("unmatched", 0L), ("unmatched", 0L),
            ("card", day[2].SessionId), ("imported", day[2].SessionId),
        ]);
        (await admin.ImagesAsync(day[1].SessionId)).Count.ShouldBe(1, "The retake's photo is not Ana's.");
        var held = await (await admin.GetAsync($"/api/v1/organizations/{school}/unmatched-captures")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        held.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("originalFileName").GetString())
            .ShouldBe(["IMG_0003.jpg", "IMG_0004.jpg"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_card_whose_code_cannot_be_read_is_held_with_the_photos_after_it_until_the_next_card()
    {
        var (admin, school, day) = await PictureDayAsync();
        var cards = await (await admin.GetAsync($"/api/v1/organizations/{school}/capture-cards?date=2031-10-07")).Content.ReadAsByteArrayAsync();
        using var pdf = PdfDocument.Open(cards);
        var anaCard = CardPhoto(pdf.GetPage(1).GetImages().Single().RawBytes.ToArray());
        // Kai's card with a thumb over most of its code: the corner squares show, the modules cannot be read.
        var kaiSmudged = CardPhoto(pdf.GetPage(2).GetImages().Single().RawBytes.ToArray(), covered: true);
        var oleCard = CardPhoto(pdf.GetPage(3).GetImages().Single().RawBytes.ToArray());
        Decode(kaiSmudged).ShouldBeNull("The test's premise: the covered card cannot be read.");
        (string, byte[]) Photo(int n) => ($"PIC_{n:0000}.jpg", ProofingKit.Jpeg($"PIC_{n:0000}.jpg", 9000 + n, 400, 500).Bytes);
        // A real camera photo is not taken for a card.
        var camera = ("PIC_0008.jpg", File.ReadAllBytes(ImageKit.TestImage("Portrait_1.jpg")));

        var stream = new[] { ("PIC_0001.jpg", anaCard), Photo(2), ("PIC_0003.jpg", kaiSmudged), Photo(4), Photo(5), ("PIC_0006.jpg", oleCard), Photo(7), camera };
        var response = await admin.PostAsync($"/api/v1/organizations/{school}/group-capture?date=2031-10-07&cards=true", ImageKit.Form(stream));
        var files = (await response.ShouldBeAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("files").EnumerateArray()
            .Select(f => (f.GetProperty("outcome").GetString(), f.TryGetProperty("sessionId", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : 0))
            .ToList();

        files.ShouldBe([
            ("card", day[1].SessionId), ("imported", day[1].SessionId), ("unmatched", 0L), ("unmatched", 0L), ("unmatched", 0L),
            ("card", day[0].SessionId), ("imported", day[0].SessionId), ("imported", day[0].SessionId),
        ]);
        (await admin.ImagesAsync(day[1].SessionId)).Count.ShouldBe(1, "Kai's photos are not Ana's.");
        (await admin.ImagesAsync(day[2].SessionId)).ShouldBeEmpty();
        var held = await (await admin.GetAsync($"/api/v1/organizations/{school}/unmatched-captures")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var reasons = held.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("originalFileName").GetString()!, i => i.GetProperty("reason").GetString()!);
        reasons.Keys.ShouldBe(["PIC_0003.jpg", "PIC_0004.jpg", "PIC_0005.jpg"], ignoreOrder: true);
        reasons["PIC_0003.jpg"].ShouldContain("could not be read");
        reasons["PIC_0005.jpg"].ShouldContain("After PIC_0003.jpg");
    }

    /// <summary>A photo of a card held up: the card's QR code, smaller, on a grey frame, as a camera JPEG.</summary>
    /// <remarks>covered: a grey patch over the code but its three corner squares (from 45% of the way in).</remarks>
    static byte[] CardPhoto(byte[] qrJpeg, bool covered = false)
    {
        using var qr = Image.NewFromBuffer(qrJpeg);
        using var small = qr.Resize(0.6);
        using var black = Image.Black(1200, 1600);
        using var frame = black + 200;
        using var card = frame.Insert(small.ExtractBand(0), 350, 600);
        var (inX, inY) = (small.Width * 45 / 100, small.Height * 45 / 100);
        using var patch = (Image.Black(small.Width - inX, small.Height - inY) + 200).Cast(card.Format);
        using var photo = covered ? card.Insert(patch, 350 + inX, 600 + inY) : card.Copy();
        using var rgb = photo.Cast(Enums.BandFormat.Uchar).Colourspace(Enums.Interpretation.Srgb);
        return rgb.JpegsaveBuffer(q: 90);
    }

    /// <summary>Reads a QR code as a scanner would: the picture in grey, binarized, decoded by ZXing.</summary>
    static string? Decode(byte[] picture)
    {
        using var image = Image.NewFromBuffer(picture);
        using var grey = image.Colourspace(Enums.Interpretation.Bw);
        using var flat = grey.HasAlpha() ? grey.Flatten(background: [255]) : grey.Copy();
        using var bytes = flat.Cast(Enums.BandFormat.Uchar);
        var luminance = new RGBLuminanceSource(bytes.WriteToMemory<byte>(), bytes.Width, bytes.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(luminance)))?.Text;
    }
}
