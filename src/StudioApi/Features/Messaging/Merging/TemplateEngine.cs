using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;

namespace StudioApi.Features.Messaging.Merging;

/// <summary>A template text that cannot be used, and why: a Liquid syntax error or a merge field the catalogue lacks.</summary>
public sealed record TemplateProblem(string Message);

/// <summary>
/// Liquid templates (Fluid): checking a text against the merge fields of its record type, and rendering it with a
/// <see cref="MergeModel"/>. HTML e-mails have every merged value HTML-encoded (a client named &lt;b&gt; stays text);
/// form letters, SMS and PDFs are plain text. Rendering is bounded (steps and output size), so a template with a
/// runaway loop fails rather than holding a worker.
/// </summary>
public static class TemplateEngine
{
    public const int MaxOutputCharacters = 500_000;

    // FluidParser is safe to share: parsing keeps no state between calls.
    static readonly FluidParser Parser = new();

    static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithCultureInfo(CultureInfo.GetCultureInfo("en-US"))
        .WithMaxSteps(200_000)
        .WithMaxOutputSize(MaxOutputCharacters)
        .WithMaxRecursion(20)
        .Build();

    /// <summary>Every problem with <paramref name="text"/> for a template of <paramref name="type"/>; empty when it can be used.</summary>
    public static IReadOnlyList<TemplateProblem> Check(string text, MergeRecordType type)
    {
        if (!Parser.TryParse(text, out var template, out var error))
            return [new TemplateProblem($"The Liquid does not parse: {FirstLine(error)}")];
        var checker = new MergeFieldChecker(type, Options);
        checker.VisitTemplate(template);
        return checker.Problems.Distinct().ToList();
    }

    /// <summary>Renders a checked template; a text that does not parse renders as an error message, never a half message.</summary>
    public static string Render(string text, MergeModel model, bool html)
    {
        if (!Parser.TryParse(text, out var template, out var error))
            throw new TemplateRenderException($"The template does not parse: {FirstLine(error)}");
        var context = new TemplateContext(Options, StringComparer.Ordinal);
        foreach (var (name, value) in (Dictionary<string, object?>)MergeCatalogue.ToLiquid(model)!)
            context.SetValue(name, value!); // null merges as nothing
        try
        {
            return html ? template.Render(context, HtmlEncoder.Default) : template.Render(context, NullEncoder.Default);
        }
        catch (InvalidOperationException e)
        {
            throw new TemplateRenderException($"The template could not be rendered: {e.Message}");
        }
    }

    static string FirstLine(string? error) => (error ?? "syntax error").Split('\n')[0].Trim();

    /// <summary>Walks a parsed template and names every merge field, filter or tag the studio's templates may not use.</summary>
    sealed class MergeFieldChecker(MergeRecordType type, TemplateOptions options) : AstVisitor
    {
        /// <summary>Names the template defines itself (assign, capture, loop variables), and what a loop variable is an item of.</summary>
        readonly Dictionary<string, MergeNode?> locals = new(StringComparer.Ordinal) { ["forloop"] = null };

        public List<TemplateProblem> Problems { get; } = [];

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            var source = forStatement.Source is MemberExpression member ? Resolve(member) : null;
            var before = locals.TryGetValue(forStatement.Identifier, out var shadowed);
            locals[forStatement.Identifier] = source?.Item;
            var result = base.VisitForStatement(forStatement);
            if (before)
                locals[forStatement.Identifier] = shadowed;
            else
                locals.Remove(forStatement.Identifier);
            return result;
        }

        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            var result = base.VisitAssignStatement(assignStatement);
            locals[assignStatement.Identifier] = null;
            return result;
        }

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
        {
            locals[captureStatement.Identifier] = null;
            return base.VisitCaptureStatement(captureStatement);
        }

        protected override Statement VisitIncrementStatement(IncrementStatement incrementStatement)
        {
            locals[incrementStatement.Identifier] = null;
            return base.VisitIncrementStatement(incrementStatement);
        }

        protected override Statement VisitDecrementStatement(DecrementStatement decrementStatement)
        {
            locals[decrementStatement.Identifier] = null;
            return base.VisitDecrementStatement(decrementStatement);
        }

        protected override Statement VisitIncludeStatement(IncludeStatement includeStatement)
        {
            Problems.Add(new TemplateProblem("A template cannot include other files ({% include %})."));
            return includeStatement;
        }

        protected override Statement VisitRenderStatement(RenderStatement renderStatement)
        {
            Problems.Add(new TemplateProblem("A template cannot render other files ({% render %})."));
            return renderStatement;
        }

        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            if (!options.Filters.TryGetValue(filterExpression.Name, out _))
                Problems.Add(new TemplateProblem($"Unknown filter '{filterExpression.Name}'."));
            return base.VisitFilterExpression(filterExpression);
        }

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            Resolve(memberExpression);
            return base.VisitMemberExpression(memberExpression);
        }

        /// <summary>The catalogue node the expression names, or null; records a problem when it names no merge field.</summary>
        MergeNode? Resolve(MemberExpression member)
        {
            if (member.Segments.Count == 0 || member.Segments[0] is not IdentifierSegment first)
                return null;
            MergeNode? node;
            var path = first.Identifier;
            if (locals.TryGetValue(first.Identifier, out var local))
            {
                if (local is null)
                    return null; // a name the template made itself: anything goes
                node = local;
                path = local.Path; // a loop variable stands for an item of its list: name what it is an item of
            }
            else if (!MergeCatalogue.Root.Children.TryGetValue(first.Identifier, out node))
            {
                Problems.Add(new TemplateProblem($"Unknown merge field '{first.Identifier}'."));
                return null;
            }
            else if (!MergeCatalogue.IsAvailable(type, node.Path))
            {
                Problems.Add(new TemplateProblem($"Merge field '{node.Path}' is not available in a {Name(type)} template."));
                return null;
            }

            foreach (var segment in member.Segments.Skip(1))
            {
                switch (segment)
                {
                    case IdentifierSegment identifier:
                        path = $"{path}.{identifier.Identifier}";
                        if (identifier.Identifier == "size" && node.Type is "list" or "text")
                            return null;
                        if (node.Type == "list" && identifier.Identifier is "first" or "last")
                        {
                            node = node.Item!;
                            continue;
                        }
                        if (!node.Children.TryGetValue(identifier.Identifier, out var child))
                        {
                            Problems.Add(new TemplateProblem($"Unknown merge field '{path}'."));
                            return null;
                        }
                        if (!MergeCatalogue.IsAvailable(type, child.Path))
                        {
                            Problems.Add(new TemplateProblem($"Merge field '{child.Path}' is not available in a {Name(type)} template."));
                            return null;
                        }
                        node = child;
                        break;
                    case IndexerSegment when node.Type == "list":
                        path += "[]";
                        node = node.Item!;
                        break;
                    default:
                        Problems.Add(new TemplateProblem($"'{path}' cannot be indexed or called like that."));
                        return null;
                }
            }
            return node;
        }

        static string Name(MergeRecordType type) => type.ToString().ToLowerInvariant();
    }
}

/// <summary>A template that passed its checks still could not be rendered (it ran too long, or grew too large).</summary>
public sealed class TemplateRenderException(string message) : Exception(message);
