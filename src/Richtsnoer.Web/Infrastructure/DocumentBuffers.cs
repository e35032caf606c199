using Microsoft.IO;
using Richtsnoer.Core.Model;
using Richtsnoer.Rendering;
using Richtsnoer.Rendering.Redline;

namespace Richtsnoer.Web.Infrastructure;

/// <summary>
/// Renders a download into pooled memory and limits how many are rendered at once. A PDF is
/// about 180 KB and allocates some 8 MB while it is made; rendered into a <see cref="MemoryStream"/>
/// it also left a doubling series of buffers and a copy from <c>ToArray</c> on the large object
/// heap for every request, which is only swept in a full collection and kept the server's memory
/// high under load. Here the bytes go into reused blocks of 64 KB (below the large object heap's
/// threshold), and the stream is handed to the response, which disposes it and so returns the
/// blocks.
/// </summary>
public static class DocumentBuffers
{
    private static readonly RecyclableMemoryStreamManager Manager = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 64 * 1024,
        LargeBufferMultiple = 1024 * 1024,
        MaximumBufferSize = 16 * 1024 * 1024,
        // What stays pooled between requests: 8 MB of blocks, enough for dozens of downloads in
        // flight. Nothing here asks for one contiguous buffer (the response reads the blocks), so
        // the large pool stays empty; bounded all the same (0 would mean unbounded).
        MaximumSmallPoolFreeBytes = 8 * 1024 * 1024,
        MaximumLargePoolFreeBytes = 16 * 1024 * 1024,
    });

    /// <summary>
    /// Documents rendered at once: one per core. Under load, requests beyond this wait (without
    /// holding a thread) instead of all rendering at once, each with its buffers alive, which is
    /// what made the memory grow with the number of users.
    /// </summary>
    private static readonly SemaphoreSlim Rendering = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>The document in that format, as a readable stream positioned at its start; dispose it (a file result does).</summary>
    public static Task<MemoryStream> RenderAsync(IDocumentRenderer renderer, ProtocolDocument document, CancellationToken cancel) =>
        RenderAsync(stream => renderer.Render(document, stream), renderer.Format, cancel);

    /// <summary>The redline in that format, as <see cref="RenderAsync(IDocumentRenderer, ProtocolDocument, CancellationToken)"/> does.</summary>
    public static Task<MemoryStream> RenderAsync(IRedlineRenderer renderer, RedlineInput input, CancellationToken cancel) =>
        RenderAsync(stream => renderer.Render(input, stream), "redline-" + renderer.Format, cancel);

    private static async Task<MemoryStream> RenderAsync(Action<Stream> render, string tag, CancellationToken cancel)
    {
        await Rendering.WaitAsync(cancel);
        var stream = Manager.GetStream(tag);
        try
        {
            render(stream);
            stream.Position = 0;
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        finally
        {
            Rendering.Release();
        }
    }
}
