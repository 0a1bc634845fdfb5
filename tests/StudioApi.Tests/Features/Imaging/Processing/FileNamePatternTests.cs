using StudioApi.Features.Imaging.Processing;


namespace StudioApi.Tests.Features.Imaging.Processing;

public sealed class FileNamePatternTests
{
    static readonly FileNameValues Values = new()
    {
        SessionNumber = "S-1042", ImageNumber = 7, ClientLastName = "O'Brien/Smith", ClientFirstName = "Ana",
        FileNumber = 3, OriginalName = "IMG_0042", ProfileName = "Lab 8x10", StudentId = "STU:99",
    };

    [Fact]
    public void Fields_are_replaced_by_the_images_values_and_literal_text_is_kept()
    {
        FileNamePattern.Parse("{sessionNumber}-{imageNumber}_{originalName} ({profileName})").Apply(Values)
            .ShouldBe("S-1042-7_IMG_0042 (Lab 8x10)");
    }

    [Fact]
    public void Values_with_characters_a_file_system_refuses_are_made_safe()
    {
        FileNamePattern.Parse("{clientLastName}-{studentId}").Apply(Values).ShouldBe("O'Brien_Smith-STU_99");
        FileNamePattern.Parse("{clientLastName}").Apply(Values with { ClientLastName = "../../etc" }).ShouldNotContain("..");
    }

    [Fact]
    public void An_unknown_field_is_refused_naming_it()
    {
        FileNamePattern.TryParse("{sessionNumber}-{imageNo}", out _, out var error).ShouldBeFalse();
        error.ShouldContain("{imageNo}");
    }

    [Theory]
    [InlineData("{sessionNumber}/{imageNumber}")]
    [InlineData("{sessionNumber}:{imageNumber}")]
    [InlineData("{sessionNumber}*")]
    [InlineData("{sessionNumber")]
    [InlineData("sessionNumber}")]
    [InlineData("no fields at all")]
    [InlineData("")]
    public void Patterns_that_cannot_make_a_safe_distinct_file_name_are_refused(string pattern)
    {
        FileNamePattern.TryParse(pattern, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Names_taken_earlier_in_a_run_get_a_numbered_suffix_before_the_extension()
    {
        var names = new FileNameSet();

        names.Reserve("Smith", ".jpg").ShouldBe("Smith.jpg");
        names.Reserve("smith", ".jpg").ShouldBe("smith-2.jpg");
        names.Reserve("Smith", ".jpg").ShouldBe("Smith-3.jpg");
        names.Reserve("Smith", ".png").ShouldBe("Smith.png");
    }
}
